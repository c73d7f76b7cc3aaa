package com.caseclock.mattercache.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The matter search reads a common word's matches in display order and a rare one's through the tsvector index; the
 * word statistics only choose between the two. Forced one way and the other, every query and page must give the same
 * hits in the same order. 700 matters, so the display-order window (500 at least) sometimes falls short.
 */
@QuarkusTest
class MatterSearchStrategiesTest {

    private static final Set<MatterStatus> OPEN_OR_PENDING = EnumSet.of(MatterStatus.OPEN, MatterStatus.PENDING);
    private static final String[] SURNAMES = {"Smith", "Schmidt", "Jones", "Blacksmith", "Müller", "Johnson"};

    @Inject
    AgroalDataSource dataSource;

    private String firm;

    @BeforeEach
    void seed() throws SQLException {
        firm = TestEvents.firm();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO matter (firm_id, clio_id, display_number, description, status, client_name, billable,
                    clio_updated_at, last_event_id)
                VALUES (?, ?, ?, ?, ?, ?, true, now(), ?)""")) {
            for (int i = 1; i <= 700; i++) {
                String surname = SURNAMES[i % SURNAMES.length];
                s.setString(1, firm);
                s.setLong(2, i);
                s.setString(3, String.format("%05d-%s", i * 7, surname));
                s.setString(4, (i % 2 == 0 ? "Lease dispute" : "Merger review") + (i % 5 == 0 ? " 123" : ""));
                s.setString(5, i % 4 == 0 ? "CLOSED" : i % 4 == 1 ? "PENDING" : "OPEN");
                s.setString(6, surname + (i % 3 == 0 ? " & Jones LLP" : " GmbH"));
                s.setObject(7, UUID.randomUUID());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Test
    void readingInOrderAndFetchingEveryMatchGiveTheSameRankedPages() {
        MatterSearchRepository inOrder = new MatterSearchRepository(dataSource, share(1.0));
        MatterSearchRepository everyMatch = new MatterSearchRepository(dataSource, share(0.0));
        for (String q : List.of("sm", "smi", "smith", "smith jones", "smith jnes", "jnes", "123", "00007", "07",
                "blacksmiht", "son", "lease", "muller", "zzz", "")) {
            for (int size : List.of(3, 7, 50)) {
                for (long offset : List.of(0L, 3L, 7L, 20L)) {
                    List<MatterHit> a = inOrder.search(firm, q, OPEN_OR_PENDING, size, offset);
                    List<MatterHit> b = everyMatch.search(firm, q, OPEN_OR_PENDING, size, offset);
                    assertThat(a).as("q=%s size=%d offset=%d", q, size, offset).isEqualTo(b);
                }
            }
        }
        List<MatterHit> all = everyMatch.search(firm, "smi", OPEN_OR_PENDING, 100, 0);
        assertThat(all).extracting(MatterHit::match).containsSubsequence(MatchKind.PREFIX, MatchKind.FUZZY);
        assertThat(all).filteredOn(h -> h.match() == MatchKind.FUZZY).extracting(MatterHit::clientName)
                .allMatch(name -> name.startsWith("Blacksmith"));
        assertThat(all).extracting(MatterHit::status).doesNotContain(MatterStatus.CLOSED);
        List<MatterHit> pages = new java.util.ArrayList<>();
        for (long offset = 0; offset < all.size(); offset += 4) {
            pages.addAll(everyMatch.search(firm, "smi", OPEN_OR_PENDING, 4, offset));
        }
        assertThat(pages).as("pages cut across the ranks add up to the whole list").isEqualTo(all);
    }

    private static LexemeFrequencies share(double share) {
        return new LexemeFrequencies() {
            @Override
            double ofPrefixes(Connection c, Collection<String> words) {
                return share;
            }

            @Override
            double ofAlternatives(Connection c, Collection<? extends Collection<String>> alternatives) {
                return share;
            }
        };
    }
}
