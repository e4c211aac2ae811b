package news.dateline.support;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Newsroom accounts with a password the test knows, written straight into {@code account} (the first admin's
 * password is printed once at start and never stored in clear, so tests make their own). Cost 4 keeps it fast;
 * the site's encoder reads the cost from the hash.
 */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private TestAccounts() {
    }

    /** Creates an account with a test-unique username, role one of admin, editor, author, contributor. */
    public static String create(RunningSite site, String role) {
        String username = role + "-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
        site.bean(JdbcClient.class).sql("""
                        INSERT INTO account (username, password_hash, role, created_at)
                        VALUES (:username, :hash, :role, :now)""")
                .param("username", username).param("hash", HASH).param("role", role)
                .param("now", Instant.now().toEpochMilli())
                .update();
        return username;
    }
}
