package com.caseclock.mattercache.repository;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A search text folded by the database's own {@code mc_fold} function (accents removed, lower case, punctuation as
 * spaces), split into words, and the patterns derived from it.
 *
 * @param folded the folded text, e.g. {@code "smith jones"}; empty when the query has no letters or digits
 * @param words  its words, e.g. {@code [smith, jones]}
 */
public record SearchQuery(String folded, List<String> words) {

    /** Words shorter than this are matched only as prefixes: pg_trgm extracts no trigram from them. */
    static final int MIN_SUBSTRING_WORD = 3;
    /** Typo tolerance (trigram similarity) only from this length on; shorter words are prefixes or substrings. */
    static final int MIN_FUZZY_WORD = 4;
    /** Client search: typo tolerance (word similarity of the whole query) only from this length on. */
    static final int MIN_FUZZY_LENGTH = 4;

    static SearchQuery of(String folded) {
        String f = folded == null ? "" : folded.trim();
        return new SearchQuery(f, f.isEmpty() ? List.of() : Arrays.asList(f.split(" ")));
    }

    /** @return {@code true} when there is nothing to search for (list everything) */
    public boolean blank() {
        return words.isEmpty();
    }

    /** @return a {@code to_tsquery('simple', …)} text matching every word as a prefix: {@code 'smith':* & 'jones':*} */
    String prefixTsQuery() {
        return words.stream().map(w -> lexeme(w) + ":*").collect(Collectors.joining(" & "));
    }

    /** @return the {@code LIKE} pattern of display numbers starting with the query: {@code "00042 sm%"} */
    String displayPrefixPattern() {
        return folded + "%";
    }

    /** @return the leading digits of an all-digit query without leading zeros ("00123" → "123"), else "" */
    String numberKey() {
        if (words.size() != 1 || !folded.chars().allMatch(Character::isDigit)) {
            return "";
        }
        return folded.replaceFirst("^0+", "");
    }

    /**
     * @return the words that hold a letter: only those are in the per-firm word dictionary ({@code matter_word}); a
     *         word of digits is matched through display numbers and the tsvector alone
     */
    List<String> dictionaryWords() {
        return words.stream().filter(w -> w.chars().anyMatch(Character::isLetter)).toList();
    }

    /** @return whether some word is long enough to be looked up as a substring or a typo in the dictionary */
    boolean expandable() {
        return words.stream().anyMatch(w -> w.length() >= MIN_SUBSTRING_WORD);
    }

    /** @return whether every word is long enough for trigram substring matching (client search) */
    boolean substringSearchable() {
        return words.stream().allMatch(w -> w.length() >= MIN_SUBSTRING_WORD);
    }

    /** @return whether the query is long enough for typo tolerance (client search) */
    boolean fuzzySearchable() {
        return folded.length() >= MIN_FUZZY_LENGTH;
    }

    /**
     * @param word a folded word (letters and digits only)
     * @return the word quoted as a {@code tsquery} lexeme
     */
    static String lexeme(String word) {
        return "'" + word + "'";
    }
}
