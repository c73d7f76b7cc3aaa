-- Complete listings of matters may leave out closed matters (connector.sync.closed-matters, or a re-sync without
-- closed matters); such a listing runs as several filtered listings one after another. listing_scope records which
-- matters the pass in progress covers ('all', 'open', 'closed-since:YYYY-MM-DD'), listing_part which of its listings
-- the saved cursor belongs to, so a resumed pass goes on with the same listings.
ALTER TABLE sync_watermark ADD COLUMN listing_scope TEXT;
ALTER TABLE sync_watermark ADD COLUMN listing_part INT NOT NULL DEFAULT 0;

-- A re-sync asked for by command and not yet done: whether it includes closed matters (NULL when none is pending).
ALTER TABLE firm_sync ADD COLUMN resync_closed_matters BOOLEAN;
