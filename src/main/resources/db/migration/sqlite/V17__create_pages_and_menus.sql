-- Pages, menus and author profiles (news.dateline.page, news.dateline.taxonomy; docs/pages.md).
-- One file per dialect only because page, page_revision and menu_item get their ids from the database;
-- the rest is written the same in postgresql/V17__create_pages_and_menus.sql.

-- A page (About, Contact, Corrections policy…) is read at /pages/{path}: its slug under its parent's path.
-- path is kept with the row so a reader's address is one lookup; a move or rename rewrites the subtree's paths.
CREATE TABLE page (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id    INTEGER REFERENCES page (id),
    slug         TEXT    NOT NULL,
    path         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    published_at BIGINT,
    -- a page imported from WordPress: its GUID with its id (a second import changes nothing) and its post id
    -- (menus and /?page_id= point at it)
    wp_key       TEXT,
    wp_id        BIGINT
);
CREATE UNIQUE INDEX page_by_path ON page (path);
CREATE UNIQUE INDEX page_by_wp_key ON page (wp_key);
CREATE INDEX page_by_parent ON page (parent_id);

-- WordPress pages imported before pages existed came in as stories of kind 'page' (section "pages", at
-- /pages/{slug}); /pages/ is answered by pages now, so each becomes a page at the same address, with its import key.
-- The story stays (its comments with it) but is no longer listed in the sitemap.
INSERT INTO page (slug, path, title, body, status, created_at, updated_at, published_at, wp_key, wp_id)
SELECT a.slug, a.slug, a.headline, a.body,
       CASE WHEN a.status = 'published' THEN 'published' ELSE 'draft' END,
       a.created_at, a.modified_at, a.published_at,
       (SELECT m.wp_key FROM wordpress_import m WHERE m.kind = 'article' AND m.local_id = a.id),
       (SELECT m.wp_id FROM wordpress_import m WHERE m.kind = 'article' AND m.local_id = a.id)
FROM article a
WHERE a.kind = 'page' AND a.id = (SELECT MIN(b.id) FROM article b WHERE b.kind = 'page' AND b.slug = a.slug)
ORDER BY a.id;

-- Every save of a page, as the editor's revisions are for stories.
CREATE TABLE page_revision (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    page_id  INTEGER NOT NULL REFERENCES page (id) ON DELETE CASCADE,
    title    TEXT    NOT NULL,
    slug     TEXT    NOT NULL,
    body     TEXT    NOT NULL,
    saved_by TEXT    NOT NULL,
    saved_at BIGINT  NOT NULL
);
CREATE INDEX page_revision_by_page ON page_revision (page_id, id);

-- A page's earlier paths, answered with a 301 to the current one.
CREATE TABLE page_path_history (
    path       TEXT   NOT NULL PRIMARY KEY,
    page_id    BIGINT NOT NULL REFERENCES page (id) ON DELETE CASCADE,
    retired_at BIGINT NOT NULL
);

-- The header and footer menus: ordered items, one level of nesting (parent_id names a top-level item).
-- An item points at a section, a page or a tag by id, or at an outside address (url).
CREATE TABLE menu_item (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    menu        TEXT    NOT NULL CHECK (menu IN ('header', 'footer')),
    parent_id   INTEGER REFERENCES menu_item (id) ON DELETE CASCADE,
    sort_order  INTEGER NOT NULL,
    label       TEXT    NOT NULL DEFAULT '',
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('section', 'page', 'tag', 'link')),
    target_id   BIGINT,
    url         TEXT    NOT NULL DEFAULT '',
    -- an item imported from WordPress (nav_menu_item): its GUID with its id
    wp_key      TEXT
);
CREATE UNIQUE INDEX menu_item_by_wp_key ON menu_item (wp_key);
CREATE INDEX menu_item_by_menu ON menu_item (menu, parent_id, sort_order);

-- An author's public profile (NULL: not given).
ALTER TABLE author ADD COLUMN job_title TEXT;
ALTER TABLE author ADD COLUMN photo_url TEXT;
ALTER TABLE author ADD COLUMN public_email TEXT;
-- One address a line (a profile elsewhere: sameAs in the author page's JSON-LD).
ALTER TABLE author ADD COLUMN social_links TEXT;
