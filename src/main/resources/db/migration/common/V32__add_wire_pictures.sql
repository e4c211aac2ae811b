-- Wire picture items become items of the photo library (docs/wire.md, "Pictures"): the wire item remembers the
-- library item it became, a text version the pictures it associates (their guids, "|" between them, as subjects),
-- and the library marks a picture the agency killed (never shown or chosen again) and alt text taken from the
-- agency's caption, which the editor's alt-text notice asks to check until someone saves the picture's description.
ALTER TABLE wire_item ADD COLUMN media_id BIGINT;
ALTER TABLE wire_version ADD COLUMN associations TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN killed_at BIGINT;
ALTER TABLE media ADD COLUMN alt_unchecked BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX wire_item_by_media ON wire_item (media_id);
