package news.dateline.account.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The random challenges a passkey signs: 32 bytes, kept in the session that asked for them (so an assertion made for
 * one browser is worthless in another), for {@link #LIFETIME}, and taken out on first use whatever the outcome, so a
 * replayed registration or assertion finds none. One per purpose: a new ceremony replaces the one before.
 */
@Component
class Challenges {

    static final Duration LIFETIME = Duration.ofMinutes(2);

    enum Purpose {
        REGISTER, SIGN_IN
    }

    /** A challenge as issued: for whom (the account registering, or 0 for a sign-in) and until when. */
    record Issued(byte[] bytes, long accountId, long expiresAt) implements Serializable {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Challenges(Clock clock) {
        this.clock = clock;
    }

    byte[] issue(HttpServletRequest request, Purpose purpose, long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        request.getSession().setAttribute(key(purpose),
                new Issued(bytes, accountId, clock.instant().plus(LIFETIME).toEpochMilli()));
        return bytes;
    }

    /** The session's challenge for this purpose, removed from it; empty when there is none or it is too old. */
    Optional<Issued> take(HttpServletRequest request, Purpose purpose) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object stored = session.getAttribute(key(purpose));
        session.removeAttribute(key(purpose));
        return stored instanceof Issued issued && issued.expiresAt() > clock.millis()
                ? Optional.of(issued) : Optional.empty();
    }

    private static String key(Purpose purpose) {
        return Challenges.class.getName() + "." + purpose;
    }
}
