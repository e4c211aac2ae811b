package news.dateline.account.twofactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The second-factor tables of V21: sealed TOTP secrets, hashed recovery codes and the sign-in settings. */
@Repository
class SecondFactorRepository {

    static final String REQUIRED = "second-factor-required";

    record StoredSecret(String sealed, Instant confirmedAt, long lastStep) {

        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SecondFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredSecret> secret(long accountId) {
        return jdbc.sql("SELECT sealed, confirmed_at, last_step FROM totp_secret WHERE account_id = :id")
                .param("id", accountId)
                .query((row, n) -> {
                    long confirmed = row.getLong("confirmed_at");
                    Instant confirmedAt = row.wasNull() ? null : Instant.ofEpochMilli(confirmed);
                    return new StoredSecret(row.getString("sealed"), confirmedAt, row.getLong("last_step"));
                })
                .optional();
    }

    boolean confirmed(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM totp_secret WHERE account_id = :id AND confirmed_at IS NOT NULL")
                .param("id", accountId).query(Long.class).single() > 0;
    }

    /** Whether the account has a passkey (account.passkey's table, V23): a second factor too. */
    boolean hasPasskey(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkey WHERE account_id = :id").param("id", accountId)
                .query(Long.class).single() > 0;
    }

    /** A secret waiting for its first code; replaces an earlier unconfirmed one, never a confirmed one. */
    void insertUnconfirmed(long accountId, String sealed, Instant now) {
        jdbc.sql("DELETE FROM totp_secret WHERE account_id = :id AND confirmed_at IS NULL").param("id", accountId)
                .update();
        jdbc.sql("INSERT INTO totp_secret (account_id, sealed, created_at) VALUES (:id, :sealed, :now)")
                .param("id", accountId).param("sealed", sealed).param("now", now.toEpochMilli()).update();
    }

    /** The first code confirmed the secret; true if it was still waiting (two tabs confirming: one wins). */
    boolean confirm(long accountId, long step, Instant now) {
        return jdbc.sql("""
                        UPDATE totp_secret SET confirmed_at = :now, last_step = :step
                        WHERE account_id = :id AND confirmed_at IS NULL""")
                .param("id", accountId).param("step", step).param("now", now.toEpochMilli()).update() == 1;
    }

    /**
     * Spends a code's step: true only for a step later than the last one accepted, in one statement, so two requests
     * carrying the same code cannot both pass (the second finds last_step already moved).
     */
    boolean spendStep(long accountId, long step) {
        return jdbc.sql("""
                        UPDATE totp_secret SET last_step = :step
                        WHERE account_id = :id AND confirmed_at IS NOT NULL AND last_step < :step""")
                .param("id", accountId).param("step", step).update() == 1;
    }

    void deletePasskeys(long accountId) {
        jdbc.sql("DELETE FROM passkey WHERE account_id = :id").param("id", accountId).update();
    }

    void deleteSecret(long accountId) {
        jdbc.sql("DELETE FROM totp_secret WHERE account_id = :id").param("id", accountId).update();
    }

    void replaceRecoveryCodes(long accountId, List<String> hashes) {
        deleteRecoveryCodes(accountId);
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", accountId).param("hash", hash).update();
        }
    }

    void deleteRecoveryCodes(long accountId) {
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", accountId).update();
    }

    /** Spends a recovery code: true once, for an unused one; the same statement refuses it ever after. */
    boolean spendRecoveryCode(long accountId, String hash, Instant now) {
        return jdbc.sql("""
                        UPDATE recovery_code SET used_at = :now
                        WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .param("id", accountId).param("hash", hash).param("now", now.toEpochMilli()).update() == 1;
    }

    int unusedRecoveryCodes(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", accountId).query(Integer.class).single();
    }

    boolean required() {
        return jdbc.sql("SELECT value FROM sign_in_setting WHERE name = :name").param("name", REQUIRED)
                .query(String.class).optional().map("true"::equals).orElse(false);
    }

    void setRequired(boolean required, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO sign_in_setting (name, value, changed_at, changed_by)
                        VALUES (:name, :value, :now, :by)
                        ON CONFLICT (name) DO UPDATE SET value = :value, changed_at = :now, changed_by = :by""")
                .param("name", REQUIRED).param("value", Boolean.toString(required)).param("now", now.toEpochMilli())
                .param("by", by).update();
    }

    /** Editors and administrators who can sign in, and anyone with a second factor: whether each has one. */
    List<StaffFactor> staffFactors() {
        return jdbc.sql("""
                        SELECT ac.id, ac.username, ac.role,
                               (SELECT COUNT(*) FROM totp_secret t
                                WHERE t.account_id = ac.id AND t.confirmed_at IS NOT NULL)
                               + (SELECT COUNT(*) FROM passkey p WHERE p.account_id = ac.id) AS enrolled
                        FROM account ac
                        WHERE ac.disabled = :no AND (ac.role IN ('admin', 'editor') OR EXISTS (
                            SELECT 1 FROM totp_secret t WHERE t.account_id = ac.id AND t.confirmed_at IS NOT NULL)
                            OR EXISTS (SELECT 1 FROM passkey p WHERE p.account_id = ac.id))
                        ORDER BY LOWER(ac.username)""")
                .param("no", false)
                .query((row, n) -> new StaffFactor(row.getLong("id"), row.getString("username"),
                        row.getString("role"), row.getLong("enrolled") > 0))
                .list();
    }
}
