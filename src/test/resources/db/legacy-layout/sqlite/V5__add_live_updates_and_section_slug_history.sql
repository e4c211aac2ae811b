-- Live coverage (news.dateline.article.LiveService, docs/newsroom.md "Live updates"),
-- and section slug history for the sections screen.
-- An article is live from live_since until live_ended_at; never live while live_since is NULL.
ALTER TABLE article ADD COLUMN live_since BIGINT;
ALTER TABLE article ADD COLUMN live_ended_at BIGINT;

-- Short timestamped entries shown newest first on a live article. A deleted entry is kept, marked
-- deleted_at, so nothing a reporter wrote is lost; readers never see it.
CREATE TABLE live_entry (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    body            TEXT    NOT NULL,
    key_event       INTEGER NOT NULL DEFAULT 0,
    author_username TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    edited_at       BIGINT,
    deleted_at      BIGINT
);
CREATE INDEX live_entry_by_article ON live_entry (article_id, id);

-- A section's earlier addresses, so /old-slug/ and /old-slug/story keep answering (301) after a rename.
CREATE TABLE section_slug_history (
    slug       TEXT   NOT NULL PRIMARY KEY,
    section_id BIGINT NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    retired_at BIGINT NOT NULL
);
