-- A change-log row carries everything a node needs to replay the change: for a live entry, which entry.
ALTER TABLE change_log ADD COLUMN entry_id BIGINT;
