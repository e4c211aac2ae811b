-- Several nodes on one database (docs/scaling.md). The same file in sqlite/ and postgresql/ but for one word:
-- a session attribute's bytes are BYTEA here.

-- Which node wrote each change (dateline.cluster.node-id): a node's change follower skips its own rows, which it
-- applied in process when they committed.
ALTER TABLE change_log ADD COLUMN node TEXT;

-- Staff sessions and their CSRF tokens (Spring Session JDBC's own layout), so that any node serves any request.
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INTEGER      NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Rate limits counted across nodes (platform/SharedRateCounter): hits per key (a SHA-256 hash) per fixed window.
CREATE TABLE rate_count (
    scope        TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL,
    window_start BIGINT  NOT NULL,
    hits         INTEGER NOT NULL,
    CONSTRAINT rate_count_pk PRIMARY KEY (scope, key_hash, window_start)
);
CREATE INDEX rate_count_window ON rate_count (window_start);
