package com.caseclock.mattercache;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.caseclock.testsupport.conventions.AbstractServiceBootTest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends AbstractServiceBootTest {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
