-- The photo library (news.dateline.media, docs/media.md).

-- One row per distinct upload: the original's SHA-256 names its private file, so the same bytes sent twice (or at
-- once) are one item. What the page shows about a photo (alt, caption, credit, source, copyright) lives here and
-- never in a served file. The focal point is in thousandths of the width and height, from the top left.
-- state: 'pending' until every derivative is made, 'ready', or 'failed' after the last retry (failure says why).
CREATE TABLE media (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256        TEXT    NOT NULL UNIQUE,
    filename      TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    byte_size     BIGINT  NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    alt           TEXT    NOT NULL DEFAULT '',
    caption       TEXT    NOT NULL DEFAULT '',
    credit        TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL DEFAULT '',
    copyright     TEXT    NOT NULL DEFAULT '',
    focal_x       INTEGER NOT NULL DEFAULT 500,
    focal_y       INTEGER NOT NULL DEFAULT 500,
    state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    failure       TEXT,
    uploaded_by   TEXT    NOT NULL DEFAULT '',
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX media_by_created_at ON media (created_at);

-- Each served file made from an item: a crop ('full' keeps the picture's own shape; '16x9', '4x3', '1x1', 'share'
-- for 1200x630) at one width in one format, named by the SHA-256 of its own bytes.
CREATE TABLE media_derivative (
    media_id     BIGINT  NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    crop         TEXT    NOT NULL,
    format       TEXT    NOT NULL CHECK (format IN ('jpeg', 'webp')),
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    byte_size    BIGINT  NOT NULL,
    PRIMARY KEY (media_id, crop, format, width)
);

-- Where an item is used: a story's lead photo, or an image in its body. An item in use cannot be deleted.
CREATE TABLE media_use (
    media_id    BIGINT NOT NULL REFERENCES media (id),
    article_id  BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    role        TEXT   NOT NULL CHECK (role IN ('lead', 'inline')),
    PRIMARY KEY (media_id, article_id, role)
);
CREATE INDEX media_use_by_article ON media_use (article_id, role);
