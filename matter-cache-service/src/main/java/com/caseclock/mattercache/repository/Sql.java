package com.caseclock.mattercache.repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import com.caseclock.events.Money;

/**
 * Small JDBC helpers shared by the repositories: nullable parameters and columns, instants as {@code timestamptz}.
 * The repositories use plain JDBC on the (JTA-enlisted) Agroal data source rather than Hibernate entities because
 * every statement relies on PostgreSQL features: {@code INSERT … ON CONFLICT … WHERE} version guards, pg_trgm
 * operators and generated search columns.
 */
final class Sql {

    private Sql() {
    }

    static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    static void setDate(PreparedStatement s, int i, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setObject(i, value);
        }
    }

    static void setAmount(PreparedStatement s, int i, Money money) throws SQLException {
        s.setBigDecimal(i, money == null ? null : money.amount());
    }

    static void setCurrency(PreparedStatement s, int i, Money money) throws SQLException {
        s.setString(i, money == null ? null : money.currency());
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Money getMoney(ResultSet rs, String amountColumn, String currencyColumn) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(amountColumn);
        String currency = rs.getString(currencyColumn);
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
