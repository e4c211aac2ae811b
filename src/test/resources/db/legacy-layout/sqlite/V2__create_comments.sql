-- Reader comments and their moderation (news.dateline.comment, docs/comments.md).

CREATE TABLE comment (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    -- The comment this one answers; the page nests replies only down to the configured depth.
    parent_id          INTEGER REFERENCES comment (id) ON DELETE SET NULL,
    state              TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'spam', 'trash')),
    -- What "restore" goes back to after a comment was trashed.
    state_before_trash TEXT    CHECK (state_before_trash IN ('pending', 'approved', 'spam')),
    author_name        TEXT    NOT NULL,
    author_email       TEXT    NOT NULL,
    -- The email lower-cased: trust and spam history are looked up by it.
    email_key          TEXT    NOT NULL,
    author_url         TEXT    NOT NULL DEFAULT '',
    body               TEXT    NOT NULL,
    staff_account_id   INTEGER REFERENCES account (id),
    -- SHA-256 of the dateline_pending cookie that lets the author alone see the comment while it waits.
    author_token       TEXT,
    ip                 TEXT    NOT NULL DEFAULT '',
    user_agent         TEXT    NOT NULL DEFAULT '',
    -- Why the rules held the comment or called it spam, for the moderation queue.
    reason             TEXT    NOT NULL DEFAULT '',
    -- Hash of article, email and text: the same comment twice is refused. NULL once trashed.
    fingerprint        TEXT,
    created_at         BIGINT  NOT NULL,
    modified_at        BIGINT  NOT NULL
);
CREATE INDEX comment_thread ON comment (article_id, state, created_at);
CREATE INDEX comment_queue ON comment (state, created_at);
CREATE INDEX comment_by_email ON comment (email_key, state);
CREATE INDEX comment_by_ip ON comment (ip, state, created_at);
CREATE INDEX comment_by_token ON comment (author_token) WHERE author_token IS NOT NULL;
CREATE UNIQUE INDEX comment_once ON comment (article_id, fingerprint);

-- An article's own comment rules; NULL columns follow the site's defaults (dateline.comments.*).
CREATE TABLE comment_policy (
    article_id       INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    moderation       TEXT CHECK (moderation IN ('open', 'first-time', 'held', 'closed')),
    close_after_days INTEGER CHECK (close_after_days >= 0),
    updated_at       BIGINT NOT NULL
);
