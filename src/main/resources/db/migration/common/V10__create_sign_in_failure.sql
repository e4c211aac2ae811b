-- Failed sign-ins, counted in the database so that every node applies the same limits (news.dateline.account,
-- LoginThrottle; docs/newsroom.md). One row per counted subject: scope 'address' (the client address, locked after
-- too many failures) or 'account' (the normalised username, slowed down, never locked). The count runs over a fixed
-- window that starts at first_failed_at; a failure after the window starts a new count.
CREATE TABLE sign_in_failure (
    scope           TEXT    NOT NULL CHECK (scope IN ('account', 'address')),
    subject         TEXT    NOT NULL,
    failures        INTEGER NOT NULL,
    first_failed_at BIGINT  NOT NULL,
    last_failed_at  BIGINT  NOT NULL,
    PRIMARY KEY (scope, subject)
);
CREATE INDEX sign_in_failure_by_last_failed_at ON sign_in_failure (last_failed_at);
