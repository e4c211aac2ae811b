package news.dateline.account.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import news.dateline.account.Account;
import news.dateline.account.Accounts;
import news.dateline.platform.StoreBusy;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a passkey, from the sign-in page (the passkey alone: a discoverable credential, user verification
 * required) or from the second-step page after a password ({@code step=second}: one of that account's passkeys).
 * Both answer JSON to assets/passkeys.js. A refused assertion is counted by the sign-in throttle like a wrong
 * password (against the address, and the account when the passkey is known), audited, and signs nothing in.
 */
@Controller
class PasskeySignInController {

    static final String OPTIONS = "/newsroom/login/passkey/options";
    static final String ASSERTION = "/newsroom/login/passkey";
    static final String SECOND = "second";

    private final Passkeys passkeys;
    private final SignInDoor door;
    private final Accounts accounts;
    private final AuditLog audit;

    PasskeySignInController(Passkeys passkeys, SignInDoor door, Accounts accounts, AuditLog audit) {
        this.passkeys = passkeys;
        this.door = door;
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping(OPTIONS)
    ResponseEntity<Map<String, Object>> options(@RequestParam(defaultValue = "") String step,
            HttpServletRequest request) {
        Optional<String> locked = door.locked(request.getRemoteAddr());
        if (locked.isPresent()) {
            return ResponseEntity.status(429).body(Map.of("error", locked.get()));
        }
        Optional<SignInDoor.HalfWay> halfWay = SECOND.equals(step) ? door.halfWay(request) : Optional.empty();
        if (SECOND.equals(step) && halfWay.isEmpty()) {
            return ResponseEntity.status(401).body(Map.of("error", PasskeyMessages.START_AGAIN,
                    "location", "/newsroom/login"));
        }
        return ResponseEntity.ok(passkeys.requestOptions(request, halfWay.map(SignInDoor.HalfWay::accountId)));
    }

    @PostMapping(ASSERTION)
    ResponseEntity<Map<String, Object>> assertion(@RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String credential, HttpServletRequest request,
            HttpServletResponse response) throws InterruptedException {
        String address = request.getRemoteAddr();
        try {
            Optional<String> locked = door.locked(address);
            if (locked.isPresent()) {
                return ResponseEntity.status(429).body(Map.of("error", locked.get()));
            }
            Optional<SignInDoor.HalfWay> halfWay = SECOND.equals(step) ? door.halfWay(request) : Optional.empty();
            if (SECOND.equals(step) && halfWay.isEmpty()) {
                return ResponseEntity.status(401).body(Map.of("error", PasskeyMessages.START_AGAIN,
                        "location", "/newsroom/login"));
            }
            Passkeys.Outcome outcome = passkeys.verify(request, credential,
                    halfWay.map(SignInDoor.HalfWay::accountId));
            Long accountId = switch (outcome) {
                case Passkeys.Verified verified -> verified.accountId();
                case Passkeys.Refused refused -> refused.accountId();
            };
            Optional<Account> account = accountId == null ? Optional.empty() : accounts.find(accountId);
            String username = account.map(Account::username).orElse(null);
            if (username != null) {
                pause(door.slowDown(username)); // as for a password: a guessed-at account answers slowly
            }
            String how = halfWay.isPresent() ? "with a passkey, after the password" : "with a passkey";
            if (outcome instanceof Passkeys.Refused refused) {
                door.failed(username, address);
                audit.recordOnItsOwn(accountId, username == null ? "" : username, AuditAction.SIGN_IN_FAILED,
                        username == null ? "(unknown passkey)" : username, how + ": " + refused.why());
                return ResponseEntity.status(401).body(Map.of("error", door.locked(address)
                        .orElse(refused.message())));
            }
            if (!door.signIn(request, response, username)) {
                audit.recordOnItsOwn(accountId, username, AuditAction.SIGN_IN_FAILED, username,
                        how + ": account disabled");
                return ResponseEntity.status(401).body(Map.of("error", news.dateline.account.AccountMessages
                        .DISABLED));
            }
            door.succeeded(username);
            audit.recordOnItsOwn(accountId, username, AuditAction.SIGNED_IN, username, how);
            return ResponseEntity.ok(Map.of("location", "/newsroom"));
        } catch (DataAccessException failure) {
            if (!StoreBusy.is(failure)) {
                throw failure;
            }
            return ResponseEntity.status(503).body(Map.of("error", news.dateline.account.AccountMessages
                    .SIGN_IN_BUSY));
        }
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay);
        }
    }
}
