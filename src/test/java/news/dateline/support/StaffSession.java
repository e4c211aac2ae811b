package news.dateline.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.support.SiteClient.Page;

/**
 * One person's browser on the newsroom without a script engine: its own cookies and its own address (sent as
 * X-Forwarded-For, which the test configuration trusts from loopback), so sign-in throttling by address meets only the test
 * that is about it. Forms carry the CSRF token the last newsroom page gave.
 */
public final class StaffSession {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final SiteClient client;
    private final String address;
    private String csrf = "";

    private StaffSession(SiteClient client, String address) {
        this.client = client;
        this.address = address;
    }

    /** A browser on an address of its own (from 198.51.100.0/24 upward, documentation ranges). */
    public static StaffSession open(RunningSite site) {
        int n = ADDRESSES.incrementAndGet();
        return new StaffSession(site.site(), "198.51." + (100 + n / 250) + "." + (1 + n % 250));
    }

    public static StaffSession signedIn(RunningSite site, String username, String password) {
        StaffSession session = open(site);
        Page result = session.attemptSignIn(username, password);
        if (result.status() != 302 || !result.header("Location").endsWith("/newsroom")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + result.header("Location"));
        }
        session.get("/newsroom");
        return session;
    }

    public String address() {
        return address;
    }

    /** Posts the sign-in form; answers the redirect (to the dashboard, or back to the sign-in page). */
    public Page attemptSignIn(String username, String password) {
        get("/newsroom/login");
        return post("/newsroom/login", Map.of("username", username, "password", password));
    }

    /** Posts the sign-in form and returns the page it lands on (the sign-in page again when refused). */
    public Page signInLandingPage(String username, String password) {
        Page result = attemptSignIn(username, password);
        return get(result.header("Location").replace(client.base(), ""));
    }

    public Page get(String path) {
        Page page = client.get(path, "X-Forwarded-For", address);
        if (page.status() == 200 && page.header("Content-Type") != null
                && page.header("Content-Type").startsWith("text/html")) {
            String token = page.html().select("input[name=_csrf]").attr("value");
            if (!token.isEmpty()) {
                csrf = token;
            }
        }
        return page;
    }

    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf);
        return client.postForm(path, form, "X-Forwarded-For", address);
    }

    /** A background POST as the newsroom's scripts send it: the form, its token, asking for JSON. */
    public Page postForJson(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf);
        return client.postForm(path, form, "X-Forwarded-For", address, "Accept", "application/json");
    }

    public String base() {
        return client.base();
    }
}
