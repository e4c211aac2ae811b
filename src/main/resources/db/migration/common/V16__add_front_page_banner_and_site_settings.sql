-- The site in the editors' hands (issue 16): the front page's choices, section pins, the breaking-news banner and
-- the site's settings. Ids are chosen by the application (slots, section ids, banner set times), so the same
-- SQL serves both databases.

-- Slot 0 is the lead story, 1..N the top stories in order. A story that is deleted leaves the front page.
CREATE TABLE front_pick (
    slot BIGINT NOT NULL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE
);

-- The story shown first on a section's page and at the head of its block on the home page.
CREATE TABLE section_pin (
    section_id BIGINT NOT NULL PRIMARY KEY REFERENCES section (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE
);

-- Every banner ever set (id: when it was set, epoch milliseconds); the one showing is the newest not yet expired.
-- Ending a banner early sets its expiry to the moment it was ended.
CREATE TABLE breaking_banner (
    id BIGINT NOT NULL PRIMARY KEY,
    message TEXT NOT NULL,
    link TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    set_by TEXT NOT NULL
);

CREATE INDEX breaking_banner_expires_at ON breaking_banner (expires_at);

-- The site's settings an admin edits (name, tagline, logo, …); a setting not stored here takes its default from
-- the dateline.site.* properties.
CREATE TABLE site_setting (
    name TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
