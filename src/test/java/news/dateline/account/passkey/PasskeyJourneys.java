package news.dateline.account.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import news.dateline.account.twofactor.SecondFactors;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys through the real server and HTTP endpoints, driven by an authenticator of our own
 * ({@link SoftwareAuthenticator}: a JDK ES256 key, CBOR written by hand): registering one on the passkeys screen,
 * signing in with it alone or after the password, and the refusals a relying party owes (another origin, a replayed
 * challenge, a cloned authenticator, an unknown key, no user verification), each of which signs nothing in, is
 * counted by the sign-in throttle and is in the audit log once.
 */
interface PasskeyJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;
    JsonMapper JSON = JsonMapper.builder().build();

    private SoftwareAuthenticator addPasskey(StaffSession staff, String name) {
        SoftwareAuthenticator key = SoftwareAuthenticator.create();
        addPasskey(staff, name, key);
        return key;
    }

    private void addPasskey(StaffSession staff, String name, SoftwareAuthenticator key) {
        staff.get("/newsroom/passkeys");
        Page options = staff.postForJson("/newsroom/passkeys/options", Map.of("name", name));
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        Page stored = staff.postForJson("/newsroom/passkeys",
                Map.of("name", name, "credential", key.register(options.body())));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }

    /** The sign-in page's "Sign in with a passkey": options, the authenticator, the assertion. */
    private Page signInWithPasskey(StaffSession browser, SoftwareAuthenticator key) {
        browser.get("/newsroom/login");
        Page options = browser.postForJson("/newsroom/login/passkey/options", Map.of());
        assertThat(options.status()).isEqualTo(200);
        return browser.postForJson("/newsroom/login/passkey", Map.of("credential", key.assertion(options.body())));
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    private static void assertSignedOut(StaffSession browser) {
        assertThat(browser.get("/newsroom").header("Location")).as("not signed in").contains("/newsroom/login");
    }

    private long audited(String subject, String action) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM audit_event WHERE subject = :s AND action = :a")
                .param("s", subject).param("a", action).query(Long.class).single();
    }

    private long failures(String scope, String subject) {
        return bean(JdbcClient.class).sql("""
                        SELECT COALESCE(MAX(failures), 0) FROM sign_in_failure
                        WHERE scope = :scope AND subject = :subject""")
                .param("scope", scope).param("subject", subject).query(Long.class).single();
    }

    @Test
    default void aWriterNamesAPasskeyOnTheSecurityScreenAndThenSignsInWithItAlone() {
        String author = TestAccounts.create(this, "author");
        StaffSession writer = StaffSession.signedIn(this, author, PASSWORD);
        Page empty = writer.get("/newsroom/passkeys");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html().select("#no-passkeys").text()).isEqualTo("You have no passkey yet.");
        assertThat(empty.html().select("label[for=passkey-name]").text()).isEqualTo("Name");

        Page options = writer.postForJson("/newsroom/passkeys/options", Map.of("name", "Work laptop"));
        JsonNode o = json(options);
        assertThat(o.get("rp").get("id").asString()).as("the RP id: the base URL's host").isEqualTo("localhost");
        assertThat(o.get("user").get("name").asString()).isEqualTo(author);
        assertThat(o.get("user").get("id").asString()).as("a random handle, not the name").doesNotContain(author)
                .hasSize(43);
        assertThat(o.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
        assertThat(o.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(o.get("attestation").asString()).isEqualTo("none");
        SoftwareAuthenticator key = SoftwareAuthenticator.create();
        Page stored = writer.postForJson("/newsroom/passkeys",
                Map.of("name", "Work laptop", "credential", key.register(options.body())));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        Page listed = writer.get(json(stored).get("location").asString());
        assertThat(listed.html().select("#passkeys-notice").text())
                .isEqualTo(PasskeyMessages.ADDED.formatted("Work laptop"));
        assertThat(listed.html().select("#passkeys .passkey-name").eachText()).containsExactly("Work laptop");
        assertThat(listed.html().select("#passkeys tbody td:nth-child(3)").text()).isEqualTo("never");
        assertThat(audited(author, "passkey-added")).as("audited once").isEqualTo(1);
        assertThat(bean(JdbcClient.class).sql("SELECT sign_count FROM passkey WHERE credential_id = :id")
                .param("id", key.credentialId()).query(Long.class).single()).isEqualTo(1);

        StaffSession laptop = StaffSession.open(this);
        Page in = signInWithPasskey(laptop, key);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(json(in).get("location").asString()).isEqualTo("/newsroom");
        Page dashboard = laptop.get("/newsroom");
        assertThat(dashboard.status()).as("signed in, no password asked").isEqualTo(200);
        assertThat(dashboard.html().select(".nr-signout span").text()).startsWith(author);
        assertThat(audited(author, "sign-in")).isEqualTo(2); // the password above, and the passkey
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM audit_event WHERE subject = :s AND action = 'sign-in'
                        AND detail = 'with a passkey' AND address = :address""")
                .param("s", author).param("address", laptop.address()).query(Long.class).single())
                .as("with the address it came from").isEqualTo(1);
        assertThat(laptop.get("/newsroom/passkeys").html().select("#passkeys tbody td:nth-child(3)").text())
                .as("last used shown").isNotEqualTo("never");

        Page refusedName = writer.postForJson("/newsroom/passkeys/options", Map.of("name", "  "));
        assertThat(refusedName.status()).isEqualTo(422);
        assertThat(json(refusedName).get("problems").get("name").asString()).isEqualTo(PasskeyMessages.NAME_MISSING);
    }

    @Test
    default void afterThePasswordAPasskeyIsTheSecondStepAndMustBeTheAccountsOwn() {
        String editor = TestAccounts.create(this, "editor");
        String other = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, editor, PASSWORD), "Phone");
        SoftwareAuthenticator othersKey = addPasskey(StaffSession.signedIn(this, other, PASSWORD), "Theirs");

        StaffSession browser = StaffSession.open(this);
        assertThat(browser.attemptSignIn(editor, PASSWORD).header("Location")).as("a passkey is a second factor")
                .endsWith("/newsroom/login/code");
        assertSignedOut(browser);
        Page step = browser.get("/newsroom/login/code");
        assertThat(step.html().select("#passkey-second-step").text()).isEqualTo("Use a passkey");
        assertThat(step.html().select("input[name=code]")).as("no app, so no code to type").isEmpty();

        Page options = browser.postForJson("/newsroom/login/passkey/options", Map.of("step", "second"));
        assertThat(json(options).get("allowCredentials").findValuesAsString("id")).as("this account's passkeys")
                .containsExactly(key.credentialId());
        Page theirs = browser.postForJson("/newsroom/login/passkey",
                Map.of("step", "second", "credential", othersKey.assertion(options.body())));
        assertThat(theirs.status()).isEqualTo(401);
        assertThat(json(theirs).get("error").asString()).isEqualTo(PasskeyMessages.NOT_YOURS);
        assertSignedOut(browser);
        assertThat(failures("account", editor)).as("counted against the account signing in").isEqualTo(1);

        browser.get("/newsroom/login/code");
        Page again = browser.postForJson("/newsroom/login/passkey/options", Map.of("step", "second"));
        Page in = browser.postForJson("/newsroom/login/passkey",
                Map.of("step", "second", "credential", key.assertion(again.body())));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(browser.get("/newsroom").status()).isEqualTo(200);
        assertThat(failures("account", editor)).as("the right passkey cleared the count").isZero();
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM audit_event WHERE subject = :s AND action = 'sign-in'
                        AND detail = 'with a passkey, after the password'""")
                .param("s", editor).query(Long.class).single()).isEqualTo(1);

        StaffSession noPassword = StaffSession.open(this);
        noPassword.get("/newsroom/login");
        Page skipped = noPassword.postForJson("/newsroom/login/passkey/options", Map.of("step", "second"));
        assertThat(skipped.status()).as("a second step without a first").isEqualTo(401);
    }

    @Test
    default void aPasskeyUsedFromAnotherOriginIsRefusedAndSignsNothingIn() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Laptop");
        key.origin = "https://dateline.evil.example"; // a look-alike site relaying our challenge

        StaffSession phished = StaffSession.open(this);
        Page refused = signInWithPasskey(phished, key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).get("error").asString()).isEqualTo(PasskeyMessages.SIGN_IN_FAILED);
        assertSignedOut(phished);
        assertThat(failures("address", phished.address())).isEqualTo(1);
        assertThat(failures("account", author)).isEqualTo(1);
        assertThat(audited(author, "sign-in-failed")).isEqualTo(1);
        assertThat(audited(author, "sign-in")).as("only the password sign-in that added it").isEqualTo(1);
    }

    @Test
    default void aReplayedAssertionIsRefusedInAnotherBrowserAndInTheSameOne() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = SoftwareAuthenticator.create();
        key.step = 0; // a synced passkey keeps no counter: only the challenge stops a replay
        addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Laptop", key);
        StaffSession owner = StaffSession.open(this);
        owner.get("/newsroom/login");
        Page options = owner.postForJson("/newsroom/login/passkey/options", Map.of());
        String assertion = key.assertion(options.body());
        assertThat(owner.postForJson("/newsroom/login/passkey", Map.of("credential", assertion)).status())
                .isEqualTo(200);

        StaffSession thief = StaffSession.open(this);
        thief.get("/newsroom/login");
        thief.postForJson("/newsroom/login/passkey/options", Map.of()); // a challenge of its own
        Page elsewhere = thief.postForJson("/newsroom/login/passkey", Map.of("credential", assertion));
        assertThat(elsewhere.status()).as("another session's challenge").isEqualTo(401);
        assertSignedOut(thief);
        Page twice = thief.postForJson("/newsroom/login/passkey", Map.of("credential", assertion));
        assertThat(twice.status()).as("no challenge left at all").isEqualTo(401);
        assertThat(json(twice).get("error").asString()).isEqualTo(PasskeyMessages.START_AGAIN);
        assertSignedOut(thief);

        StaffSession sameBrowser = StaffSession.open(this);
        sameBrowser.get("/newsroom/login");
        Page first = sameBrowser.postForJson("/newsroom/login/passkey/options", Map.of());
        String once = key.assertion(first.body());
        Page wrongFirst = sameBrowser.postForJson("/newsroom/login/passkey", Map.of("credential", "{}"));
        assertThat(wrongFirst.status()).isEqualTo(401);
        Page replayed = sameBrowser.postForJson("/newsroom/login/passkey", Map.of("credential", once));
        assertThat(replayed.status()).as("the challenge was spent by the first try, good or not").isEqualTo(401);
        assertSignedOut(sameBrowser);
        assertThat(audited(author, "sign-in-failed")).isEqualTo(3);
    }

    @Test
    default void aClonedAuthenticatorWhoseCounterGoesBackIsRefused() {
        String editor = TestAccounts.create(this, "editor");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, editor, PASSWORD), "Security key");
        SoftwareAuthenticator clone = key.copy();
        assertThat(signInWithPasskey(StaffSession.open(this), key).status()).isEqualTo(200);

        StaffSession attacker = StaffSession.open(this);
        Page refused = signInWithPasskey(attacker, clone);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).get("error").asString()).isEqualTo(PasskeyMessages.CLONED);
        assertSignedOut(attacker);
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM audit_event WHERE subject = :s AND action = 'sign-in-failed'
                        AND detail LIKE '%counter went back%'""")
                .param("s", editor).query(Long.class).single()).isEqualTo(1);
        assertThat(bean(JdbcClient.class).sql("SELECT sign_count FROM passkey WHERE credential_id = :id")
                .param("id", key.credentialId()).query(Long.class).single())
                .as("the counter stays where the real key left it").isEqualTo(key.counter());
        assertThat(signInWithPasskey(StaffSession.open(this), key).status()).as("the real key still works")
                .isEqualTo(200);
    }

    @Test
    default void anUnknownPasskeyIsRefusedAndCountedAgainstTheAddressOnly() {
        StaffSession stranger = StaffSession.open(this);
        Page refused = signInWithPasskey(stranger, SoftwareAuthenticator.create());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).get("error").asString()).isEqualTo(PasskeyMessages.SIGN_IN_FAILED);
        assertSignedOut(stranger);
        assertThat(failures("address", stranger.address())).isEqualTo(1);
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM audit_event WHERE action = 'sign-in-failed' AND address = :address
                        AND subject = '(unknown passkey)'""")
                .param("address", stranger.address()).query(Long.class).single()).isEqualTo(1);
        Page garbage = stranger.postForJson("/newsroom/login/passkey", Map.of("credential", "{not json"));
        assertThat(garbage.status()).as("unreadable: refused, not a 500").isEqualTo(401);
        assertSignedOut(stranger);
        assertThat(failures("address", stranger.address())).isEqualTo(2);

        for (int failure = 3; failure <= 20; failure++) {
            assertThat(signInWithPasskey(stranger, SoftwareAuthenticator.create()).status()).isEqualTo(401);
        }
        Page locked = stranger.postForJson("/newsroom/login/passkey/options", Map.of());
        assertThat(locked.status()).as("the address is locked after 20, as for passwords").isEqualTo(429);
        assertThat(json(locked).get("error").asString()).contains("Too many");
        assertSignedOut(stranger);
    }

    @Test
    default void aChallengeOlderThanTwoMinutesIsRefused() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Laptop");
        StaffSession slow = StaffSession.open(this);
        slow.get("/newsroom/login");
        Page options = slow.postForJson("/newsroom/login/passkey/options", Map.of());
        bean(MovableClock.class).advance(Duration.ofMinutes(3));
        Page late = slow.postForJson("/newsroom/login/passkey", Map.of("credential", key.assertion(options.body())));
        assertThat(late.status()).isEqualTo(401);
        assertThat(json(late).get("error").asString()).isEqualTo(PasskeyMessages.START_AGAIN);
        assertSignedOut(slow);
        assertThat(signInWithPasskey(slow, key).status()).as("a fresh challenge works").isEqualTo(200);
    }

    @Test
    default void aPasskeyWhoseBackupEligibilityChangesIsRefused() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Device-bound");
        key.backupEligible = true; // fixed when a key is made: another authenticator answers for this one
        StaffSession browser = StaffSession.open(this);
        assertThat(signInWithPasskey(browser, key).status()).isEqualTo(401);
        assertSignedOut(browser);
        assertThat(audited(author, "sign-in-failed")).isEqualTo(1);
    }

    @Test
    default void aPasskeyThatDidNotVerifyItsUserCannotSignInAlone() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Key");
        key.userVerified = false; // a touch, no PIN or fingerprint
        StaffSession browser = StaffSession.open(this);
        assertThat(signInWithPasskey(browser, key).status()).isEqualTo(401);
        assertSignedOut(browser);
        assertThat(audited(author, "sign-in-failed")).isEqualTo(1);
    }

    @Test
    default void passkeysAreRenamedAndRemovedButNotTheLastSecondFactorTheSiteRequires() {
        String editor = TestAccounts.create(this, "editor");
        SecondFactors factors = bean(SecondFactors.class);
        factors.require(true, "test");
        try {
            StaffSession staff = StaffSession.signedIn(this, editor, PASSWORD);
            assertThat(staff.get("/newsroom/articles").header("Location")).as("must set up a second factor")
                    .endsWith("/newsroom/two-factor");
            assertThat(staff.get("/newsroom/passkeys").status()).as("a passkey will do").isEqualTo(200);
            SoftwareAuthenticator first = addPasskey(staff, "Phone");
            assertThat(staff.get("/newsroom/articles").status()).as("set up: works normally").isEqualTo(200);

            Page page = staff.get("/newsroom/passkeys");
            Page refused = staff.post("/newsroom/passkeys/" + first.credentialId() + "/remove", Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.html().select("#passkeys-problem").text()).isEqualTo(PasskeyMessages.LAST_FACTOR);
            assertThat(refused.html().select("#passkeys .passkey-name").eachText()).containsExactly("Phone");

            Page badName = staff.post("/newsroom/passkeys/" + first.credentialId() + "/rename",
                    Map.of("name", "x".repeat(61)));
            assertThat(badName.status()).isEqualTo(422);
            assertThat(badName.html().select("#name-error").text()).isEqualTo(PasskeyMessages.NAME_TOO_LONG);
            assertThat(badName.html().select("#rename-" + first.credentialId()).val()).as("the input kept")
                    .isEqualTo("x".repeat(61));
            Page renamed = staff.post("/newsroom/passkeys/" + first.credentialId() + "/rename",
                    Map.of("name", "Old phone"));
            assertThat(renamed.status()).isEqualTo(302);
            assertThat(staff.get("/newsroom/passkeys").html().select("#passkeys .passkey-name").eachText())
                    .containsExactly("Old phone");

            SoftwareAuthenticator second = addPasskey(staff, "New phone");
            Page removed = staff.post("/newsroom/passkeys/" + first.credentialId() + "/remove", Map.of());
            assertThat(removed.status()).isEqualTo(302);
            Page after = staff.get("/newsroom/passkeys");
            assertThat(after.html().select("#passkeys-notice").text())
                    .isEqualTo(PasskeyMessages.REMOVED.formatted("Old phone"));
            assertThat(after.html().select("#passkeys .passkey-name").eachText()).containsExactly("New phone");
            assertThat(audited(editor, "passkey-added")).isEqualTo(2);
            assertThat(audited(editor, "passkey-removed")).isEqualTo(1);
            assertThat(signInWithPasskey(StaffSession.open(this), first).status()).as("removed: unknown now")
                    .isEqualTo(401);
            assertThat(signInWithPasskey(StaffSession.open(this), second).status()).isEqualTo(200);

            String someoneElse = TestAccounts.create(this, "author");
            StaffSession intruder = StaffSession.signedIn(this, someoneElse, PASSWORD);
            intruder.get("/newsroom/passkeys");
            assertThat(intruder.post("/newsroom/passkeys/" + second.credentialId() + "/remove", Map.of()).status())
                    .as("not theirs to remove").isEqualTo(404);
            assertThat(staff.get("/newsroom/passkeys").html().select("#passkeys .passkey-name").eachText())
                    .containsExactly("New phone");
        } finally {
            factors.require(false, "test");
        }
    }

    /** Base 32 (RFC 4648) as the two-factor page shows an app's secret, for typing its code here. */
    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace(" ", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    @Test
    default void withAnAppAndAPasskeyBothAreOfferedAndThePasskeyLetsTheRequiredAppBeTurnedOff() {
        String editor = TestAccounts.create(this, "editor");
        SecondFactors factors = bean(SecondFactors.class);
        MovableClock clock = bean(MovableClock.class);
        factors.require(true, "test");
        try {
            StaffSession desk = StaffSession.signedIn(this, editor, PASSWORD);
            byte[] secret = base32(desk.get("/newsroom/two-factor").html().select("#totp-secret").text());
            assertThat(desk.post("/newsroom/two-factor", Map.of("code",
                    news.dateline.account.twofactor.Totp.code(secret,
                            news.dateline.account.twofactor.Totp.step(clock.instant())))).status()).isEqualTo(200);
            assertThat(desk.get("/newsroom/two-factor").html().select("p").text())
                    .as("the app alone: it stays on").contains("so it stays on");
            SoftwareAuthenticator key = addPasskey(desk, "Laptop");

            StaffSession browser = StaffSession.open(this);
            assertThat(browser.attemptSignIn(editor, PASSWORD).header("Location")).endsWith("/newsroom/login/code");
            Page step = browser.get("/newsroom/login/code");
            assertThat(step.html().select("input[name=code]")).as("the app's code").hasSize(1);
            assertThat(step.html().select("#passkey-second-step").text()).as("beside it").isEqualTo("Use a passkey");

            clock.advance(Duration.ofSeconds(30));
            desk.get("/newsroom/two-factor");
            Page off = desk.post("/newsroom/two-factor/off", Map.of("code",
                    news.dateline.account.twofactor.Totp.code(secret,
                            news.dateline.account.twofactor.Totp.step(clock.instant()))));
            assertThat(off.status()).as("a passkey stands in for the app").isEqualTo(302);
            assertThat(factors.appEnrolled(bean(JdbcClient.class).sql("SELECT id FROM account WHERE username = :u")
                    .param("u", editor).query(Long.class).single())).isFalse();
            assertThat(desk.get("/newsroom/articles").status()).as("still has a second factor").isEqualTo(200);
            desk.get("/newsroom/passkeys");
            assertThat(desk.post("/newsroom/passkeys/" + key.credentialId() + "/remove", Map.of()).status())
                    .as("now the last one").isEqualTo(409);
        } finally {
            factors.require(false, "test");
        }
    }

    @Test
    default void aPasskeySignInGivesTheSessionANewFormTokenSoOneTakenBeforeItChangesNothing() {
        String author = TestAccounts.create(this, "author");
        SoftwareAuthenticator key = addPasskey(StaffSession.signedIn(this, author, PASSWORD), "Phone");
        StaffSession laptop = StaffSession.open(this);
        assertThat(signInWithPasskey(laptop, key).status()).isEqualTo(200);

        // the token of the sign-in page, which anyone who saw that page (or planted it) could know
        Page stale = laptop.postForJson("/newsroom/passkeys/options", Map.of("name", "Planted"));
        assertThat(stale.status()).as("the token from before the sign-in").isEqualTo(403);
        assertThat(laptop.get("/newsroom").status()).as("still signed in").isEqualTo(200);
        assertThat(laptop.postForJson("/newsroom/passkeys/options", Map.of("name", "Tablet")).status())
                .as("with the token of a page seen after it").isEqualTo(200);
    }

    @Test
    default void aPasswordChangeEndsASessionOpenedWithAPasskey() {
        String author = TestAccounts.create(this, "author");
        StaffSession desk = StaffSession.signedIn(this, author, PASSWORD);
        SoftwareAuthenticator key = addPasskey(desk, "Laptop");
        StaffSession laptop = StaffSession.open(this);
        assertThat(signInWithPasskey(laptop, key).status()).isEqualTo(200);
        assertThat(laptop.get("/newsroom").status()).isEqualTo(200);

        desk.get("/newsroom/password");
        Page changed = desk.post("/newsroom/password", Map.of("current", PASSWORD,
                "password", "a brand new long passphrase 42", "confirm", "a brand new long passphrase 42"));
        assertThat(changed.status()).isLessThan(400);
        assertSignedOut(laptop);
        assertThat(desk.get("/newsroom").status()).as("the session that changed it stays").isEqualTo(200);
    }
}
