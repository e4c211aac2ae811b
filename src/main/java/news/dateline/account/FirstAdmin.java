package news.dateline.account;

import java.time.Clock;
import news.dateline.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a site with no accounts, creates {@code admin} with a random password and prints it once.
 * There is never a fixed default password; the hash is all that is stored. The {@code user add} command turns
 * this off: the account it adds is the first one. It runs before the sample site ({@code @Order(10)}): once that
 * has committed, its photos are taken in by a thread of their own, and on a busy machine those writes held SQLite's
 * lock past the busy timeout while this insert waited, so the first start failed with SQLITE_BUSY.
 */
@Component
@ConditionalOnBooleanProperty(name = "dateline.first-admin", matchIfMissing = true)
@Order(5)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    FirstAdmin(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String password = Passwords.generate();
        accounts.insert("admin", passwords.encode(password), Role.ADMIN, null, clock.instant());
        // The console only: a logger's appenders (files, journald, a log shipper) keep what they are given.
        System.out.println("""

                ==============================================================
                  Newsroom sign-in created (shown only this once):
                    user:     admin
                    password: %s
                  Sign in at /newsroom/login and change it.
                ==============================================================
                """.formatted(password));
        System.out.flush();
        log.info("Newsroom sign-in created for admin; its password was printed on the console only.");
    }
}
