-- SQLite only: V5 declared live_entry.key_event INTEGER here and BOOLEAN on PostgreSQL (account.disabled, V3, is
-- BOOLEAN on both). SQLite stores either as 0/1, so no value changes; the declaration now says what the column is,
-- and SchemasMatchTest can hold both databases to the same schema. SQLite cannot change a column's type in place,
-- so the table is rebuilt (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"). No table
-- references live_entry, so foreign keys need not be switched off.
CREATE TABLE live_entry_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    body            TEXT    NOT NULL,
    key_event       BOOLEAN NOT NULL DEFAULT FALSE,
    author_username TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    edited_at       BIGINT,
    deleted_at      BIGINT
);
INSERT INTO live_entry_new (id, article_id, body, key_event, author_username, created_at, edited_at, deleted_at)
SELECT id, article_id, body, key_event, author_username, created_at, edited_at, deleted_at FROM live_entry;

-- AUTOINCREMENT never hands out an id twice, even one whose entry was deleted: carry the high-water mark over.
DELETE FROM sqlite_sequence WHERE name = 'live_entry_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'live_entry_new', seq FROM sqlite_sequence WHERE name = 'live_entry';

DROP TABLE live_entry;
ALTER TABLE live_entry_new RENAME TO live_entry;
CREATE INDEX live_entry_by_article ON live_entry (article_id, id);
