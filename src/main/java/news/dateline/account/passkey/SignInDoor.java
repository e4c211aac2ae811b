package news.dateline.account.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What a passkey sign-in shares with the password and the code (implemented by account's SecondStepController,
 * which holds them): the throttle, the half-way state after a password, and signing a session in, with a new
 * session id and the account's session epoch, exactly as the other paths do.
 */
public interface SignInDoor {

    /** Who is half-way signed in on this session: the password was right, the second step is due. */
    record HalfWay(long accountId, String username) {
    }

    /** The message for an address that is locked out, or empty. */
    Optional<String> locked(String address);

    /** How long an attempt on this account waits before it is checked (the account's slow-down). */
    Duration slowDown(String username);

    /** Counts a failure against the address, and against the account when one is known ({@code username}). */
    void failed(String username, String address);

    /** The account's owner got in: earlier failures no longer slow it down. */
    void succeeded(String username);

    Optional<HalfWay> halfWay(HttpServletRequest request);

    /**
     * Signs this session in as the account (ending any half-way state): true, or false when the account is
     * disabled or gone, and then nothing was signed in.
     */
    boolean signIn(HttpServletRequest request, HttpServletResponse response, String username);
}
