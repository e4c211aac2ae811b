package news.dateline.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.DataProperties;
import news.dateline.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Usernames are matched without regard to case, so "Amara" and "amara" can never be two people. */
@Repository
class AccountRepository {

    /** {@code sessionEpoch}: raised by every password change; see SignedInAccountFilter. */
    record StoredAccount(Account account, String passwordHash, int sessionEpoch, String email) {
    }

    private static final String SELECT = """
            SELECT ac.id, ac.username, ac.password_hash, ac.role, ac.author_id, au.name AS author_name,
                   ac.disabled, ac.created_at, ac.session_epoch, ac.email
            FROM account ac LEFT JOIN author au ON au.id = ac.author_id
            """;

    /** Any fixed number, the same on every node: PostgreSQL's advisory lock for changes to who is an admin. */
    private static final long ADMINISTRATORS_LOCK = 0x64617465_6c696e65L;

    private final JdbcClient jdbc;
    private final boolean sqlite;

    AccountRepository(JdbcClient jdbc, DataProperties data) {
        this.jdbc = jdbc;
        this.sqlite = data.usesSqlite();
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + "WHERE LOWER(ac.username) = LOWER(:username)")
                .param("username", username)
                .query(AccountRepository::stored)
                .optional();
    }

    /** Addresses are stored lower-cased (Emails.normalise), so this finds "Ada@Example.org" as ada@example.org. */
    Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql(SELECT + "WHERE ac.email = :email").param("email", email)
                .query(AccountRepository::stored).optional();
    }

    Optional<StoredAccount> findById(long id) {
        return jdbc.sql(SELECT + "WHERE ac.id = :id").param("id", id).query(AccountRepository::stored).optional();
    }

    List<Account> all() {
        return jdbc.sql(SELECT + "ORDER BY LOWER(ac.username)")
                .query((rs, n) -> stored(rs, n).account())
                .list();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0;
    }

    long insert(String username, String passwordHash, Role role, Long authorId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO account (username, password_hash, role, author_id, disabled, created_at)
                        VALUES (:username, :hash, :role, :author, :disabled, :now)
                        RETURNING id""")
                .param("username", username).param("hash", passwordHash).param("role", role.column())
                .param("author", authorId).param("disabled", false).param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    void updateRole(long id, Role role) {
        jdbc.sql("UPDATE account SET role = :role WHERE id = :id").param("role", role.column()).param("id", id)
                .update();
    }

    /** A new password also ends the sessions signed in with the old one (session_epoch, migration V18). */
    void updatePassword(long id, String passwordHash) {
        jdbc.sql("""
                        UPDATE account SET password_hash = :hash, session_epoch = COALESCE(session_epoch, 0) + 1
                        WHERE id = :id""")
                .param("hash", passwordHash).param("id", id).update();
    }

    Map<Long, String> emails() {
        Map<Long, String> emails = new HashMap<>();
        jdbc.sql("SELECT id, email FROM account WHERE email IS NOT NULL")
                .query(rs -> {
                    emails.put(rs.getLong("id"), rs.getString("email"));
                });
        return emails;
    }

    void updateEmail(long id, String email) {
        jdbc.sql("UPDATE account SET email = :email WHERE id = :id").param("email", email).param("id", id).update();
    }

    void updateDisabled(long id, boolean disabled) {
        jdbc.sql("UPDATE account SET disabled = :disabled WHERE id = :id").param("disabled", disabled)
                .param("id", id).update();
    }

    /**
     * Makes changes that may remove an administrator take turns, until the transaction ends, so the count below
     * sees the other's committed change: without it, two admins demoting each other at once on PostgreSQL would
     * each count the other and leave none. On SQLite every writing transaction already holds the one write lock
     * from its start (BEGIN IMMEDIATE), so nothing more is needed there.
     */
    void lockAdministrators() {
        if (!sqlite) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADMINISTRATORS_LOCK)
                    .query((rs, n) -> 1).list();
        }
    }

    /** Admins who can still sign in, leaving out one account: is anyone left to run the site without it? */
    long countActiveAdminsExcept(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'admin' AND disabled = :no AND id <> :id")
                .param("no", false).param("id", id)
                .query(Long.class).single();
    }

    boolean isAuthorLinked(long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE author_id = :author").param("author", authorId)
                .query(Long.class).single() > 0;
    }

    /** Author profiles no account writes under yet, for linking a new account to an existing byline. */
    List<UnclaimedAuthor> unclaimedAuthors() {
        return jdbc.sql("""
                        SELECT au.id, au.name, au.slug FROM author au
                        WHERE NOT EXISTS (SELECT 1 FROM account ac WHERE ac.author_id = au.id)
                        ORDER BY au.name""")
                .query(UnclaimedAuthor.class)
                .list();
    }

    private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
        long authorId = rs.getLong("author_id");
        Long author = rs.wasNull() ? null : authorId;
        return new StoredAccount(new Account(rs.getLong("id"), rs.getString("username"),
                Role.fromColumn(rs.getString("role")), author, rs.getString("author_name"),
                rs.getBoolean("disabled"), Instant.ofEpochMilli(rs.getLong("created_at"))),
                rs.getString("password_hash"), rs.getInt("session_epoch"), rs.getString("email"));
    }
}
