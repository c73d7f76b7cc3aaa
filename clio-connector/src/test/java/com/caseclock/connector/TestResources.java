package com.caseclock.connector;

import com.caseclock.testsupport.clio.ClioSandboxResource;
import com.caseclock.testsupport.kafka.KafkaBrokerResource;
import com.caseclock.testsupport.postgres.PostgresDatabaseResource;
import com.caseclock.testsupport.security.TokenIssuerResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Registers, for every test of this module, the real Kafka broker, the run's own PostgreSQL database and the test
 * token issuer (see
 * {@code docs/testing.md}).
 */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "prefix", value = "connector"))
@WithTestResource(value = TokenIssuerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ClioSandboxResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
