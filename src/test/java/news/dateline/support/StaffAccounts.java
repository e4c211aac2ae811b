package news.dateline.support;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates staff accounts with known passwords directly in the database, as `user add` will. */
public final class StaffAccounts {

    private StaffAccounts() {
    }

    public static void create(RunningSite site, String username, String password, String role) {
        site.bean(JdbcClient.class).sql("""
                        INSERT INTO account (username, password_hash, role, created_at)
                        VALUES (:username, :hash, :role, :now)""")
                .param("username", username)
                .param("hash", site.bean(PasswordEncoder.class).encode(password))
                .param("role", role)
                .param("now", Instant.now().toEpochMilli())
                .update();
    }
}
