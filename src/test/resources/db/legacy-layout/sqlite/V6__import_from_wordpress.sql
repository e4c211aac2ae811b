-- WordPress import (news.dateline.interchange, docs/migrating-from-wordpress.md).

-- What each WordPress object became here. The key makes a second import of the same file change nothing:
-- the GUID for posts, "<post GUID>#<comment id>" for comments, the slug for terms, the login for authors.
-- wp_id is WordPress's own number (post id, comment id, term id) and wp_name its slug (post_name, term slug):
-- old URLs such as /?p=123, /2024/05/01/some-story/ and /category/news/ carry them.
CREATE TABLE wordpress_import (
    kind        TEXT    NOT NULL CHECK (kind IN ('article', 'comment', 'section', 'tag', 'author')),
    wp_key      TEXT    NOT NULL,
    wp_id       BIGINT,
    wp_name     TEXT,
    local_id    BIGINT  NOT NULL,
    imported_at BIGINT  NOT NULL,
    PRIMARY KEY (kind, wp_key)
);
CREATE INDEX wordpress_import_by_wp_id ON wordpress_import (kind, wp_id);
CREATE INDEX wordpress_import_by_wp_name ON wordpress_import (kind, wp_name);
CREATE INDEX wordpress_import_by_local_id ON wordpress_import (kind, local_id);

-- Media is not downloaded: the original address is kept, with the WordPress post it belonged to.
CREATE TABLE wordpress_attachment (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    wp_key       TEXT    NOT NULL UNIQUE,
    wp_id        BIGINT,
    wp_parent_id BIGINT,
    title        TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL,
    imported_at  BIGINT  NOT NULL
);

-- WordPress categories nest; a section may now name the section it sits under (NULL: top level).
ALTER TABLE section ADD COLUMN parent_id INTEGER REFERENCES section (id);

-- Pingbacks and trackbacks arrive with the comments; they stay marked as such.
ALTER TABLE comment ADD COLUMN kind TEXT NOT NULL DEFAULT 'comment'
    CHECK (kind IN ('comment', 'pingback', 'trackback'));

-- WordPress pages (About, Contact…) come in as articles of kind 'page': readable at their address and in the
-- sitemap and search, but not listed among the news (home page, Recent Articles, Related News, feeds).
ALTER TABLE article ADD COLUMN kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'page'));
