package news.dateline.account.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import news.dateline.account.twofactor.SecondFactors;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff passkeys (WebAuthn Level 3): the options a browser needs to make or use one, and the checks of what comes
 * back, done by webauthn4j (CBOR, COSE key, signature, RP id hash, origin, challenge, user presence and
 * verification, counter, backup flags) against the challenge this session was given ({@link Challenges}) and the
 * credentials in our own tables ({@link PasskeyRepository}). Only "none" attestation is asked for: the site needs
 * to know it is the same key next time, not who made it.
 */
@Service
public class Passkeys {

    static final long TIMEOUT_MILLIS = Challenges.LIFETIME.toMillis();
    static final int MAX_NAME = 60;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /** How an assertion ended: signed in as an account, or refused (with the account when the key was known). */
    sealed interface Outcome {
    }

    record Verified(long accountId) implements Outcome {
    }

    record Refused(String message, Long accountId, String why) implements Outcome {
    }

    private final PasskeyRepository repository;
    private final Challenges challenges;
    private final RelyingParty party;
    private final SecondFactors factors;
    private final AuditLog audit;
    private final Clock clock;
    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter credentials;
    private final SecureRandom random = new SecureRandom();

    Passkeys(PasskeyRepository repository, Challenges challenges, RelyingParty party, SecondFactors factors,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.challenges = challenges;
        this.party = party;
        this.factors = factors;
        this.audit = audit;
        this.clock = clock;
        ObjectConverter converter = new ObjectConverter();
        this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentials = new AttestedCredentialDataConverter(converter);
    }

    public List<Passkey> of(long accountId) {
        return repository.of(accountId);
    }

    public boolean any(long accountId) {
        return repository.count(accountId) > 0;
    }

    /** The name as it will be stored; refused on the field {@code name} when empty or too long. */
    static String checkedName(String typed) {
        String name = typed == null ? "" : typed.strip().replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            throw Refusal.invalid(Map.of("name", PasskeyMessages.NAME_MISSING));
        }
        if (name.length() > MAX_NAME) {
            throw Refusal.invalid(Map.of("name", PasskeyMessages.NAME_TOO_LONG));
        }
        return name;
    }

    /** PublicKeyCredentialCreationOptionsJSON for a new discoverable passkey of this account. */
    @Transactional
    public Map<String, Object> creationOptions(HttpServletRequest request, long accountId, String username) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        String handle = repository.handleFor(accountId, B64.encodeToString(fresh));
        byte[] challenge = challenges.issue(request, Challenges.Purpose.REGISTER, accountId);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", party.id(), "name", party.name()));
        options.put("user", Map.of("id", handle, "name", username, "displayName", username));
        options.put("challenge", B64.encodeToString(challenge));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("excludeCredentials", repository.idsOf(accountId).stream()
                .map(id -> Map.of("type", "public-key", "id", id)).toList());
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                "userVerification", "required"));
        options.put("attestation", "none");
        return options;
    }

    /** Checks what the authenticator made against this session's challenge and stores it under the name given. */
    @Transactional
    public Passkey register(HttpServletRequest request, ActingAccount by, String typedName, String credentialJson) {
        String name = checkedName(typedName);
        Challenges.Issued issued = challenges.take(request, Challenges.Purpose.REGISTER)
                .filter(challenge -> challenge.accountId() == by.accountId())
                .orElseThrow(() -> Refusal.conflict(PasskeyMessages.START_AGAIN));
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(credentialJson);
            // user verification required: a passkey signs in on its own, so it must be more than a touch
            webAuthn.verify(data, new RegistrationParameters(party.serverProperty(issued.bytes()), ALGORITHMS,
                    true, true));
        } catch (RuntimeException failure) {
            // whatever the browser sent that does not parse (Jackson's, webauthn4j's, a missing member) or verify
            // (webauthn4j's VerificationException): the same answer, nothing stored
            throw Refusal.badRequest(PasskeyMessages.NOT_ACCEPTED);
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        var attested = authenticator.getAttestedCredentialData();
        String id = B64.encodeToString(attested.getCredentialId());
        String transports = data.getTransports() == null ? "" : data.getTransports().stream()
                .map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
        var stored = new PasskeyRepository.StoredCredential(id, by.accountId(), name,
                B64.encodeToString(credentials.convert(attested)), authenticator.getSignCount(),
                authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(), transports);
        if (!repository.insert(stored, clock.instant())) {
            throw Refusal.conflict(PasskeyMessages.ALREADY_REGISTERED);
        }
        audit.record(by, AuditAction.PASSKEY_ADDED, by.username(), name);
        return repository.of(by.accountId()).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public String rename(ActingAccount by, String id, String typedName) {
        String name = checkedName(typedName);
        if (!repository.rename(by.accountId(), id, name)) {
            throw Refusal.notFound(PasskeyMessages.NOT_FOUND);
        }
        return name;
    }

    /**
     * Removes one of the account's passkeys; refused where the site requires a second factor of the role and it is
     * the last one (no other passkey, no authenticator app).
     */
    @Transactional
    public String remove(ActingAccount by, Role role, String id) {
        Passkey passkey = repository.of(by.accountId()).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound(PasskeyMessages.NOT_FOUND));
        if (factors.requiredFor(role) && !factors.appEnrolled(by.accountId())
                && repository.count(by.accountId()) <= 1) {
            throw Refusal.conflict(PasskeyMessages.LAST_FACTOR);
        }
        repository.delete(by.accountId(), id);
        audit.record(by, AuditAction.PASSKEY_REMOVED, by.username(), passkey.name());
        return passkey.name();
    }

    /**
     * PublicKeyCredentialRequestOptionsJSON: for a sign-in with a passkey alone, no credentials named (the
     * authenticator offers its discoverable ones) and user verification required; for the second step after a
     * password, that account's passkeys.
     */
    public Map<String, Object> requestOptions(HttpServletRequest request, Optional<Long> secondStepOf) {
        byte[] challenge = challenges.issue(request, Challenges.Purpose.SIGN_IN, secondStepOf.orElse(0L));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", B64.encodeToString(challenge));
        options.put("rpId", party.id());
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("userVerification", secondStepOf.isPresent() ? "preferred" : "required");
        options.put("allowCredentials", secondStepOf.map(repository::idsOf).orElse(List.of()).stream()
                .map(id -> Map.of("type", "public-key", "id", id)).toList());
        return options;
    }

    /**
     * Checks an assertion against this session's sign-in challenge (taken, so never twice) and the stored key, and
     * takes its counter. {@code secondStepOf}: the account whose password was right, whose passkey this must be.
     */
    @Transactional
    public Outcome verify(HttpServletRequest request, String credentialJson, Optional<Long> secondStepOf) {
        Optional<Challenges.Issued> issued = challenges.take(request, Challenges.Purpose.SIGN_IN)
                .filter(challenge -> challenge.accountId() == secondStepOf.orElse(0L));
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(credentialJson);
        } catch (RuntimeException unreadable) { // not JSON, not WebAuthn's (Jackson's or webauthn4j's own)
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, null, "unreadable assertion");
        }
        if (data.getCredentialId() == null) {
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, null, "unreadable assertion");
        }
        Optional<PasskeyRepository.StoredCredential> found = repository.find(B64.encodeToString(
                data.getCredentialId()));
        if (found.isEmpty()) {
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, null, "unknown passkey");
        }
        PasskeyRepository.StoredCredential stored = found.get();
        if (issued.isEmpty()) {
            return new Refused(PasskeyMessages.START_AGAIN, stored.accountId(), "no current challenge");
        }
        if (secondStepOf.isPresent() && secondStepOf.get() != stored.accountId()) {
            return new Refused(PasskeyMessages.NOT_YOURS, secondStepOf.get(), "another account's passkey");
        }
        byte[] handle = data.getUserHandle();
        if (secondStepOf.isEmpty() && (handle == null || !repository.accountOfHandle(B64.encodeToString(handle))
                .filter(owner -> owner == stored.accountId()).isPresent())) {
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, stored.accountId(), "user handle does not match");
        }
        var record = new CredentialRecordImpl(new NoneAttestationStatement(), stored.uvInitialized(),
                stored.backupEligible(), stored.backedUp(), stored.signCount(),
                credentials.convert(UNB64.decode(stored.credential())), null, null, null, transports(stored));
        try {
            webAuthn.verify(data, new AuthenticationParameters(party.serverProperty(issued.get().bytes()), record,
                    null, secondStepOf.isEmpty(), true));
        } catch (MaliciousCounterValueException cloned) {
            return new Refused(PasskeyMessages.CLONED, stored.accountId(), "signature counter went back");
        } catch (VerificationException failure) {
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, stored.accountId(),
                    failure.getClass().getSimpleName());
        } catch (RuntimeException malformed) { // e.g. a signature that is not DER, data webauthn4j cannot read
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, stored.accountId(), "malformed assertion");
        }
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        if (authenticator.isFlagBE() != stored.backupEligible()) {
            // backup eligibility is fixed when the key is made: a change means another authenticator
            return new Refused(PasskeyMessages.SIGN_IN_FAILED, stored.accountId(), "backup eligibility changed");
        }
        if (!repository.advance(stored.credentialId(), authenticator.getSignCount(), authenticator.isFlagBS(),
                clock.instant())) {
            return new Refused(PasskeyMessages.CLONED, stored.accountId(), "signature counter went back");
        }
        return new Verified(stored.accountId());
    }

    private static Set<AuthenticatorTransport> transports(PasskeyRepository.StoredCredential stored) {
        return stored.transports().isEmpty() ? Set.of() : java.util.Arrays.stream(stored.transports().split(","))
                .map(AuthenticatorTransport::create).collect(Collectors.toSet());
    }
}
