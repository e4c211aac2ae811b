-- An update for review is written against one version of the live story (docs/newsroom.md, "Updates and
-- corrections"): approving it after that version changed would silently undo the change, so the base is kept.
ALTER TABLE article_revision ADD COLUMN based_on_revision_id BIGINT;
