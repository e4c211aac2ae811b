package news.dateline.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    record StoredAccount(long id, String username, String passwordHash, Role role) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM account WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new StoredAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), Role.fromColumn(rs.getString("role"))))
                .optional();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0;
    }

    void insert(String username, String passwordHash, Role role, Instant now) {
        jdbc.sql("""
                        INSERT INTO account (username, password_hash, role, created_at)
                        VALUES (:username, :hash, :role, :now)""")
                .param("username", username).param("hash", passwordHash).param("role", role.column())
                .param("now", now.toEpochMilli())
                .update();
    }
}
