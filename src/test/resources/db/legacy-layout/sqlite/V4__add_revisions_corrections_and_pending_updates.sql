-- The editor's write path (news.dateline.article, docs/newsroom.md): every save is a revision, a published
-- story may carry one pending update waiting for review, and corrections are public notes that stay forever.

-- Who started the story: authors may publish their own stories (and those carrying their byline).
ALTER TABLE article ADD COLUMN created_by INTEGER REFERENCES account (id);

-- A full snapshot of the editable fields per save, so any two can be compared and any one restored.
-- Tags are stored by name (one per line) and bylines by author id (comma-separated), in display order.
CREATE TABLE article_revision (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    account_id     INTEGER REFERENCES account (id),
    -- The username at the time, so the list stays readable if the account goes.
    saved_by       TEXT    NOT NULL,
    saved_at       BIGINT  NOT NULL,
    kind           TEXT    NOT NULL,
    section_id     INTEGER NOT NULL,
    slug           TEXT    NOT NULL,
    headline       TEXT    NOT NULL,
    standfirst     TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    dateline_place TEXT    NOT NULL,
    source_credit  TEXT    NOT NULL,
    tags           TEXT    NOT NULL,
    author_ids     TEXT    NOT NULL
);
CREATE INDEX article_revision_by_article ON article_revision (article_id, id);

-- The update waiting for review while the published version stays live.
ALTER TABLE article ADD COLUMN pending_revision_id BIGINT;

CREATE TABLE article_correction (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    note       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    account_id INTEGER REFERENCES account (id)
);
CREATE INDEX article_correction_by_article ON article_correction (article_id, created_at);

-- The scheduler looks for due stories every few seconds.
CREATE INDEX article_scheduled ON article (status, scheduled_for);
