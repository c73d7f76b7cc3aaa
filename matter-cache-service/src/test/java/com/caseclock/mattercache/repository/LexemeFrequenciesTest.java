package com.caseclock.mattercache.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.caseclock.mattercache.TestEvents;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The word frequencies the search chooses its strategy from are PostgreSQL's statistics, kept for a minute; once the
 * table was analysed after a rebuild, {@link MatterSearchRepository#statisticsRenewed()} makes the next search read
 * them again.
 */
@QuarkusTest
class LexemeFrequenciesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void renewedStatisticsAreReadAtTheNextSearchNotAMinuteLater() throws SQLException {
        LexemeFrequencies frequencies = new LexemeFrequencies();
        MatterSearchRepository search = new MatterSearchRepository(dataSource, frequencies);
        String word = "zq" + new java.util.Random().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String firm = TestEvents.firm();
        try (Connection c = dataSource.getConnection()) {
            insert(c, firm, 1, "Lease dispute");
            analyse(c);
            // statistics that are not empty are kept for a minute
            assertThat(frequencies.ofPrefixes(c, List.of("lease"))).isGreaterThan(0.0);
            assertThat(frequencies.ofPrefixes(c, List.of(word))).isZero();
            insert(c, firm, 501, "Lease " + word);
            analyse(c);
            // still the statistics read before the second ANALYZE ...
            assertThat(frequencies.ofPrefixes(c, List.of(word))).isZero();
            search.statisticsRenewed();
            // ... until the search is told they were renewed
            assertThat(frequencies.ofPrefixes(c, List.of(word))).isGreaterThan(0.0);
        }
    }

    private static void insert(Connection c, String firm, long firstId, String description) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO matter (firm_id, clio_id, display_number, description, status, billable,
                    clio_updated_at, last_event_id)
                VALUES (?, ?, ?, ?, 'OPEN', true, now(), ?)""")) {
            for (long id = firstId; id < firstId + 500; id++) {
                s.setString(1, firm);
                s.setLong(2, id);
                s.setString(3, String.format("%05d", id));
                s.setString(4, description);
                s.setObject(5, UUID.randomUUID());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void analyse(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE matter");
        }
    }
}
