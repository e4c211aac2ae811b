-- A staff member's new email address waits here until they follow the link mailed to it (account.email,
-- docs/mail.md). Like account_link, only the SHA-256 of the signed token is kept; a row is used at most once.
CREATE TABLE email_change (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    email      TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_change_by_account ON email_change (account_id);
