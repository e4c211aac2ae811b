-- A disabled account keeps its history (bylines, moderated comments) but cannot sign in (docs/newsroom.md).
ALTER TABLE account ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
-- An author profile belongs to at most one account.
CREATE UNIQUE INDEX account_author ON account (author_id) WHERE author_id IS NOT NULL;
