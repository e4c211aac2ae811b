-- A second factor for staff sign-in (news.dateline.account.twofactor; docs/security.md, docs/newsroom.md).
-- totp_secret: one authenticator app per account. The secret is sealed with AES-GCM under <data dir>/second-factor.key,
-- so a copy of the database alone does not give the codes. confirmed_at is NULL while enrolment waits for its first
-- code; last_step is the 30-second step of the last code accepted, so no code is accepted twice (nor an older one).
CREATE TABLE totp_secret (
    account_id   BIGINT  NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    sealed       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT  NOT NULL DEFAULT 0
);
-- Ten one-time recovery codes per enrolment, shown once; only their SHA-256 is kept. used_at is set when one is spent.
CREATE TABLE recovery_code (
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  TEXT   NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (account_id, code_hash)
);
-- Site-wide sign-in settings an administrator changes in the newsroom: today only 'second-factor-required'
-- ('true' or 'false': editors and administrators must have a second factor).
CREATE TABLE sign_in_setting (
    name       TEXT   NOT NULL PRIMARY KEY,
    value      TEXT   NOT NULL,
    changed_at BIGINT NOT NULL,
    changed_by TEXT   NOT NULL
);
