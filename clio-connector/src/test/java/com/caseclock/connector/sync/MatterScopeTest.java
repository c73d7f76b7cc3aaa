package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The listings of each matter scope, as Clio's {@code /matters.json} filters, and the scope's bookkeeping form.
 */
class MatterScopeTest {

    @Test
    void everyMatterIsOneUnfilteredListing() {
        assertThat(MatterScope.ALL.everyMatter()).isTrue();
        assertThat(MatterScope.ALL.filters()).containsExactly("");
        assertThat(MatterScope.decode(MatterScope.ALL.encoded())).isEqualTo(MatterScope.ALL);
        assertThat(MatterScope.decode(null)).as("a pass recorded before scopes existed").isEqualTo(MatterScope.ALL);
    }

    @Test
    void closedSinceIsOpenAndPendingThenClosedOnOrAfterTheDate() {
        MatterScope scope = new MatterScope(LocalDate.parse("2025-11-29"), false);
        assertThat(scope.everyMatter()).isFalse();
        assertThat(decoded(scope.filters())).containsExactly("&status=open,pending",
                "&status=closed&close_date[]=>=2025-11-29");
        assertThat(scope.encoded()).isEqualTo("closed-since:2025-11-29");
        assertThat(MatterScope.decode(scope.encoded())).isEqualTo(scope);
    }

    @Test
    void openOnlyLeavesClosedMattersOut() {
        assertThat(MatterScope.OPEN_ONLY.everyMatter()).isFalse();
        assertThat(decoded(MatterScope.OPEN_ONLY.filters())).containsExactly("&status=open,pending");
        assertThat(MatterScope.decode(MatterScope.OPEN_ONLY.encoded())).isEqualTo(MatterScope.OPEN_ONLY);
    }

    private static List<String> decoded(List<String> filters) {
        return filters.stream().map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).toList();
    }
}
