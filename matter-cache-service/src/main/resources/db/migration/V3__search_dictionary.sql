-- Matter search without a trigram index over whole matter rows (see docs/performance.md, "matter-cache-service"):
--
-- * matter_word: per firm, every distinct word (with at least one letter) of the matters' search_words, with a
--   trigram index. Substring and typo-tolerant queries first look their words up here (a few thousand rows per firm
--   instead of every matter), then find the matters through the tsvector index with the words found. This is the
--   "word list for spelling suggestions" pattern of PostgreSQL's pg_trgm documentation (F.35.5, text search
--   integration). Kept by two statement-level triggers, so every writer of matter rows (the matter consumer, the
--   client consumer's renames, a rebuild) adds its new words in one statement; words are never removed (a word no
--   matter contains any more only costs one more candidate lookup) until the matter channel is rebuilt.
-- * matter_search_trgm (trigram GIN over every matter's search_text) is dropped: maintaining it cost about as much
--   per ingested matter as everything else together, and the dictionary serves substring and typo queries.
-- * matter_firm_display: matters of a firm in result order, so a page of a common prefix ("sch", thousands of
--   matters) is read in order and stops after one page instead of fetching and sorting every candidate.

CREATE TABLE matter_word (
    firm_id TEXT NOT NULL,
    word    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (firm_id, word)
);
CREATE INDEX matter_word_trgm ON matter_word USING gin (firm_id, word gin_trgm_ops);

CREATE FUNCTION matter_words_of_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO matter_word (firm_id, word)
    SELECT DISTINCT n.firm_id, w.word
    FROM new_rows n, unnest(tsvector_to_array(n.search_words)) AS w(word)
    WHERE w.word ~ '[a-z]'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER matter_words_insert AFTER INSERT ON matter REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION matter_words_of_new_rows();
CREATE TRIGGER matter_words_update AFTER UPDATE ON matter REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION matter_words_of_new_rows();

INSERT INTO matter_word (firm_id, word)
SELECT DISTINCT m.firm_id, w.word
FROM matter m, unnest(tsvector_to_array(m.search_words)) AS w(word)
WHERE w.word ~ '[a-z]'
ON CONFLICT DO NOTHING;

DROP INDEX matter_search_trgm;
CREATE INDEX matter_firm_display ON matter (firm_id, display_key, clio_id);
