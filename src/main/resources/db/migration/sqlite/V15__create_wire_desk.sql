-- The wire desk (news.dateline.wire, docs/wire.md): agency providers, the items they send with every version,
-- what became of each file, the stories made from items, and the kills carried out.

-- Where items come from. kind 'folder' reads <folder>/incoming (an empty folder: <data dir>/wire/<name>; the first
-- provider, 'wire', reads <data dir>/wire/incoming); kind 'http' polls url. Credentials are never stored here:
-- credential_env names an environment variable holding them.
CREATE TABLE wire_provider (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT    NOT NULL UNIQUE,
    source_credit     TEXT    NOT NULL DEFAULT '',
    kind              TEXT    NOT NULL DEFAULT 'folder' CHECK (kind IN ('folder', 'http')),
    folder            TEXT    NOT NULL DEFAULT '',
    url               TEXT    NOT NULL DEFAULT '',
    credential_env    TEXT    NOT NULL DEFAULT '',
    poll_seconds      INTEGER NOT NULL DEFAULT 60,
    expected_minutes  INTEGER NOT NULL DEFAULT 0,
    auto_update       BOOLEAN NOT NULL DEFAULT FALSE,
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    etag              TEXT,
    last_modified     TEXT,
    next_url          TEXT,
    failures          INTEGER NOT NULL DEFAULT 0,
    next_poll_at      BIGINT,
    last_received_at  BIGINT,
    created_at        BIGINT  NOT NULL
);
-- The first provider, 'wire', is added at start when missing (wire.FolderIntake), not here: a migrated database
-- gains empty tables only.

-- One row per provider and guid/uri, holding the newest version's fields for the queue.
CREATE TABLE wire_item (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    provider_id        BIGINT  NOT NULL REFERENCES wire_provider (id),
    guid               TEXT    NOT NULL,
    current_version_id BIGINT,
    item_type          TEXT    NOT NULL DEFAULT 'text',
    pub_status         TEXT    NOT NULL DEFAULT 'usable' CHECK (pub_status IN ('usable', 'withheld', 'canceled')),
    urgency            INTEGER,
    headline           TEXT    NOT NULL DEFAULT '',
    slugline           TEXT    NOT NULL DEFAULT '',
    located            TEXT    NOT NULL DEFAULT '',
    subjects           TEXT    NOT NULL DEFAULT '',
    version_label      TEXT    NOT NULL DEFAULT '',
    version_created    BIGINT,
    embargoed_until    BIGINT,
    first_received_at  BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    UNIQUE (provider_id, guid)
);
CREATE INDEX wire_item_newest ON wire_item (updated_at DESC);

-- Every version as it arrived. The hash makes a file that arrives twice one version.
CREATE TABLE wire_version (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id         BIGINT  NOT NULL REFERENCES wire_item (id),
    version_number  BIGINT,
    version_created BIGINT,
    content_hash    TEXT    NOT NULL,
    format          TEXT    NOT NULL,
    pub_status      TEXT    NOT NULL DEFAULT 'usable',
    urgency         INTEGER,
    headline        TEXT    NOT NULL DEFAULT '',
    slugline        TEXT    NOT NULL DEFAULT '',
    description     TEXT    NOT NULL DEFAULT '',
    body_html       TEXT    NOT NULL DEFAULT '',
    byline          TEXT    NOT NULL DEFAULT '',
    located         TEXT    NOT NULL DEFAULT '',
    subjects        TEXT    NOT NULL DEFAULT '',
    credit          TEXT    NOT NULL DEFAULT '',
    embargoed_until BIGINT,
    source_name     TEXT    NOT NULL DEFAULT '',
    received_at     BIGINT  NOT NULL,
    UNIQUE (item_id, content_hash)
);

-- What became of each file or fetched document: stored, duplicate, older, skipped or error, with the reason.
CREATE TABLE wire_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    provider_id BIGINT  NOT NULL REFERENCES wire_provider (id),
    at          BIGINT  NOT NULL,
    source_name TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('stored', 'duplicate', 'older', 'skipped', 'error')),
    item_id     BIGINT,
    detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX wire_event_by_provider ON wire_event (provider_id, outcome, at);

-- A story made from an item ("Use"), the version it was made from, and an update the editor dismissed.
CREATE TABLE wire_story (
    article_id           BIGINT  NOT NULL PRIMARY KEY REFERENCES article (id),
    item_id              BIGINT  NOT NULL REFERENCES wire_item (id),
    version_id           BIGINT  NOT NULL REFERENCES wire_version (id),
    dismissed_version_id BIGINT,
    used_by              BIGINT,
    used_at              BIGINT  NOT NULL
);
CREATE INDEX wire_story_by_item ON wire_story (item_id);

-- A kill carried out: the notice (the version that canceled the item), when it arrived, when the last story was
-- withdrawn, and who or what did it.
CREATE TABLE wire_kill (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id       BIGINT  NOT NULL REFERENCES wire_item (id),
    version_id    BIGINT  NOT NULL REFERENCES wire_version (id),
    notice_at     BIGINT  NOT NULL,
    withdrawn_at  BIGINT  NOT NULL,
    stories       INTEGER NOT NULL DEFAULT 0,
    done_by       TEXT    NOT NULL,
    UNIQUE (version_id)
);

-- A story withdrawn by a kill answers 410 Gone at its address, in the site's design.
CREATE TABLE wire_withdrawn (
    article_id    BIGINT  NOT NULL PRIMARY KEY REFERENCES article (id),
    kill_id       BIGINT  NOT NULL REFERENCES wire_kill (id),
    notice        TEXT    NOT NULL,
    withdrawn_at  BIGINT  NOT NULL
);
