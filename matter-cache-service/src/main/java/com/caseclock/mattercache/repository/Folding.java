package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Folds search text with the database's {@code mc_fold}, the same function the search columns are built with. */
final class Folding {

    private Folding() {
    }

    static SearchQuery fold(Connection c, String text) throws SQLException {
        if (text == null || text.isBlank()) {
            return SearchQuery.of("");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT mc_fold(?)")) {
            s.setString(1, text);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return SearchQuery.of(rs.getString(1));
            }
        }
    }
}
