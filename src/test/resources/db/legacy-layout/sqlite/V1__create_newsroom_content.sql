-- Timestamps are UTC instants stored as epoch milliseconds (BIGINT) on both databases,
-- so the same SQL sorts and compares them everywhere and no driver guesses a time zone.

CREATE TABLE section (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE author (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    bio  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE article (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    section_id     INTEGER NOT NULL REFERENCES section (id),
    slug           TEXT    NOT NULL,
    headline       TEXT    NOT NULL,
    standfirst     TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL DEFAULT '',
    dateline_place TEXT    NOT NULL DEFAULT '',
    source_credit  TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    created_at     BIGINT  NOT NULL,
    modified_at    BIGINT  NOT NULL,
    published_at   BIGINT,
    updated_at     BIGINT,
    scheduled_for  BIGINT,
    UNIQUE (section_id, slug)
);
CREATE INDEX article_published ON article (status, published_at DESC);

CREATE TABLE article_slug_history (
    section_id INTEGER NOT NULL REFERENCES section (id),
    slug       TEXT    NOT NULL,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    retired_at BIGINT  NOT NULL,
    PRIMARY KEY (section_id, slug)
);

CREATE TABLE article_tag (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tag (id),
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_by_tag ON article_tag (tag_id);

CREATE TABLE article_author (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES author (id),
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_by_author ON article_author (author_id);

CREATE TABLE account (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT   NOT NULL UNIQUE,
    password_hash TEXT   NOT NULL,
    role          TEXT   NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor')),
    author_id     INTEGER REFERENCES author (id),
    created_at    BIGINT NOT NULL
);

-- The transactional outbox: every write appends here in its own transaction;
-- caches and the search index on every node follow it.
CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER,
    kind       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
