-- Which node wrote each change (dateline.cluster.node-id): a node's change follower skips its own rows, which it
-- applied in process when they committed (docs/scaling.md).
ALTER TABLE change_log ADD COLUMN node TEXT;
