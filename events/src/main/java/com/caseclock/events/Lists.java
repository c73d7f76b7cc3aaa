package com.caseclock.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies for list components of records; keeps {@code null} as {@code null} so the schema reports it. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return null;
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
