-- The audit log (news.dateline.platform.audit; docs/audit.md): who did what, when and from where. One row per
-- action, written in the action's own transaction. The same file in postgresql/ but for the assigned id and the
-- trigger's dialect, which cannot be written once.
CREATE TABLE audit_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    actor_id    BIGINT,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL DEFAULT '',
    detail      TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_by_at ON audit_event (at);
CREATE INDEX audit_event_by_actor ON audit_event (actor, at);
CREATE INDEX audit_event_by_action ON audit_event (action, at);

-- Append-only: a row is never changed (the daily purge deletes rows past the kept time, nothing else does).
CREATE TRIGGER audit_event_append_only BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

-- API tokens for the admin API (news.dateline.account.token; docs/api.md): made by an admin, acting for the
-- admin's account with the token's own role. Only the SHA-256 of the token is kept (it is 32 random bytes, so a
-- fast hash is enough); prefix is its first characters, to tell tokens apart on the screen.
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor')),
    account_id   BIGINT  NOT NULL REFERENCES account (id),
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE UNIQUE INDEX api_token_by_hash ON api_token (token_hash);
