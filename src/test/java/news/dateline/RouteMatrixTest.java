package news.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import news.dateline.platform.Role;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder;
import news.dateline.support.TestAccounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing route of the application, read from Spring MVC's own mappings, against everyone who may
 * not use it: anonymous (with and without a token), each role below the one it needs, the highest role without the
 * CSRF token, and a cross-site form post (foreign Origin, the victim's session, no token). Each must be refused
 * (401, 403 or the sign-in page) and must change nothing: the whole database is compared before and after.
 *
 * <p>{@link #RULES} says who may use each route. A new POST, PUT, PATCH or DELETE mapping without a rule fails
 * this test, and so does a rule for a route that is gone. The roles are the lowest that may use the route on the
 * objects used here (a story none of the test accounts wrote, a comment, another account); an author's own
 * story is the article journeys' business. On SQLite only: the rules are the security chain's and the
 * controllers', the same on both databases.
 */
class RouteMatrixTest extends SqliteSite {

    /** Who may use a route: from which role, and how a cross-site request is told apart. */
    private record Rule(Role lowest, Guard guard) {
    }

    private enum Guard {
        /** Spring Security's CSRF token (a form field, or the X-CSRF-TOKEN header for the JSON API). */
        TOKEN,
        /** No token (it sits on cached pages): the strict same-origin check of the comment form. */
        SAME_ORIGIN,
        /** Open to anyone who has the form (a password reset): only the CSRF token tells a cross-site post. */
        TOKEN_FOR_ANYONE,
        /**
         * Open to anyone holding a link the site signed, with no cookie or token (a mail's one-click unsubscribe,
         * RFC 8058): a made-up link is refused whoever posts it.
         */
        SIGNED_LINK
    }

    private static final Role ANYONE = null;
    private static final Map<String, Rule> RULES = new TreeMap<>(Map.ofEntries(
            rule("POST /newsroom/articles", Role.CONTRIBUTOR),
            rule("POST /newsroom/articles/autosave", Role.CONTRIBUTOR),
            rule("POST /newsroom/articles/{id}", Role.EDITOR),
            rule("POST /newsroom/articles/{id}/autosave", Role.EDITOR),
            rule("POST /newsroom/articles/{id}/pending/approve", Role.EDITOR),
            rule("POST /newsroom/articles/{id}/pending/discard", Role.EDITOR),
            rule("POST /newsroom/articles/{id}/revisions/{revision}/restore", Role.EDITOR),
            rule("POST /newsroom/articles/{articleId}/live/start", Role.EDITOR),
            rule("POST /newsroom/articles/{articleId}/live/end", Role.EDITOR),
            rule("POST /newsroom/articles/{articleId}/live/entries", Role.EDITOR),
            rule("POST /newsroom/articles/{articleId}/live/entries/{entryId}", Role.EDITOR),
            rule("POST /newsroom/articles/{articleId}/live/entries/{entryId}/delete", Role.EDITOR),
            rule("POST /newsroom/preview", Role.CONTRIBUTOR),
            rule("POST /newsroom/password", Role.CONTRIBUTOR),
            // one's own email address (account.email): the link mailed to the new one works for its account only
            rule("POST /newsroom/email", Role.CONTRIBUTOR),
            rule("POST /newsroom/email/confirm/{token}", Role.CONTRIBUTOR),
            // the second step of a sign-in: for a browser half-way in, so no role; refused without one
            rule("POST /newsroom/login/code", ANYONE),
            rule("POST /newsroom/two-factor", Role.CONTRIBUTOR),
            // passkeys (account.passkey): each staff member's own
            rule("POST /newsroom/passkeys", Role.CONTRIBUTOR),
            rule("POST /newsroom/passkeys/options", Role.CONTRIBUTOR),
            rule("POST /newsroom/passkeys/{id}/rename", Role.CONTRIBUTOR),
            rule("POST /newsroom/passkeys/{id}/remove", Role.CONTRIBUTOR),
            rule("POST /newsroom/two-factor/off", Role.CONTRIBUTOR),
            rule("POST /newsroom/users/second-factor", Role.ADMIN),
            rule("POST /newsroom/users/{id}/second-factor/reset", Role.ADMIN),
            rule("POST /newsroom/users", Role.ADMIN),
            rule("POST /newsroom/users/{id}/role", Role.ADMIN),
            rule("POST /newsroom/users/{id}/password", Role.ADMIN),
            rule("POST /newsroom/users/{id}/disable", Role.ADMIN),
            rule("POST /newsroom/users/{id}/enable", Role.ADMIN),
            rule("POST /newsroom/users/{id}/email", Role.ADMIN),
            rule("POST /newsroom/sections", Role.ADMIN),
            rule("POST /newsroom/sections/{id}", Role.ADMIN),
            rule("POST /newsroom/sections/{id}/{direction:up|down}", Role.ADMIN),
            rule("POST /newsroom/sections/{id}/delete", Role.ADMIN),
            rule("POST /newsroom/tags", Role.ADMIN),
            rule("POST /newsroom/tags/{id}", Role.ADMIN),
            rule("POST /newsroom/tags/merge", Role.ADMIN),
            rule("POST /newsroom/tags/{id}/delete", Role.ADMIN),
            // An author's own profile is ProfileJourneys' business; here it is another's, so admins only.
            rule("POST /newsroom/authors/{id}", Role.ADMIN),
            rule("POST /newsroom/import", Role.ADMIN),
            rule("POST /newsroom/front", Role.EDITOR),
            rule("POST /newsroom/banner", Role.EDITOR),
            rule("POST /newsroom/banner/end", Role.EDITOR),
            rule("POST /newsroom/settings", Role.ADMIN),
            rule("POST /newsroom/pages", Role.EDITOR),
            rule("POST /newsroom/pages/{id}", Role.EDITOR),
            rule("POST /newsroom/pages/{id}/delete", Role.EDITOR),
            rule("POST /newsroom/menus/items", Role.EDITOR),
            rule("POST /newsroom/menus/items/{id}/{direction:up|down}", Role.EDITOR),
            rule("POST /newsroom/menus/items/{id}/delete", Role.EDITOR),
            rule("POST /newsroom/comments/{id}/{action:approve|spam|trash|restore}", Role.EDITOR),
            rule("POST /newsroom/comments/bulk", Role.EDITOR),
            rule("POST /newsroom/comments/{id}/reply", Role.EDITOR),
            rule("POST /newsroom/comments/{id}/edit", Role.EDITOR),
            rule("POST /newsroom/wire/{id}/use", Role.EDITOR),
            rule("POST /newsroom/wire/stories/{articleId}/take", Role.EDITOR),
            rule("POST /newsroom/wire/stories/{articleId}/dismiss", Role.EDITOR),
            rule("POST /newsroom/wire/providers", Role.ADMIN),
            rule("POST /newsroom/wire/providers/{id}", Role.ADMIN),
            rule("POST /newsroom/wire/providers/{id}/off", Role.ADMIN),
            rule("POST /newsroom/wire/providers/{id}/on", Role.ADMIN),
            rule("POST /api/v1/comments/{id}/approve", Role.EDITOR),
            rule("POST /api/v1/comments/{id}/spam", Role.EDITOR),
            rule("POST /api/v1/comments/{id}/trash", Role.EDITOR),
            rule("POST /api/v1/comments/{id}/restore", Role.EDITOR),
            rule("POST /api/v1/comments/{id}/replies", Role.EDITOR),
            rule("PATCH /api/v1/comments/{id}", Role.EDITOR),
            rule("PUT /api/v1/comments/articles/{articleId}/policy", Role.EDITOR),
            rule("POST /newsroom/tokens", Role.ADMIN),
            rule("POST /newsroom/tokens/{id}/revoke", Role.ADMIN),
            // the admin API takes a bearer token only: every session, with or without the CSRF token, gets 401
            rule("POST /api/v1/admin/stories", Role.CONTRIBUTOR),
            rule("PATCH /api/v1/admin/stories/{id}", Role.EDITOR),
            rule("POST /api/v1/admin/stories/{id}/publish", Role.EDITOR),
            rule("POST /api/v1/admin/stories/{id}/unpublish", Role.EDITOR),
            rule("POST /api/v1/admin/stories/{id}/schedule", Role.EDITOR),
            rule("POST /api/v1/admin/stories/{id}/live/entries", Role.EDITOR),
            // mail (docs/mail.md): for people who cannot sign in
            Map.entry("POST /newsroom/forgot", new Rule(ANYONE, Guard.TOKEN_FOR_ANYONE)),
            // a passkey sign-in is for people not signed in; a refused one is counted and audited like a password
            Map.entry("POST /newsroom/login/passkey", new Rule(ANYONE, Guard.TOKEN_FOR_ANYONE)),
            Map.entry("POST /newsroom/login/passkey/options", new Rule(ANYONE, Guard.TOKEN_FOR_ANYONE)),
            Map.entry("POST /newsroom/reset/{token}", new Rule(ANYONE, Guard.TOKEN_FOR_ANYONE)),
            Map.entry("POST /newsroom/welcome/{token}", new Rule(ANYONE, Guard.TOKEN_FOR_ANYONE)),
            rule("POST /newsroom/users/invite", Role.ADMIN),
            rule("POST /newsroom/mail/{id}/retry", Role.ADMIN),
            rule("POST /api/v1/media", Role.AUTHOR),
            rule("POST /newsroom/media", Role.AUTHOR),
            rule("POST /newsroom/media/{id}", Role.AUTHOR),
            rule("POST /newsroom/media/{id}/retry", Role.AUTHOR),
            rule("POST /newsroom/media/{id}/delete", Role.AUTHOR),
            rule("POST /newsroom/media/{id}/file", Role.AUTHOR),
            rule("POST /api/v1/media/{id}/file", Role.AUTHOR),
            // notification mails (docs/mail.md): one's own mail settings; the reply mail's one-click unsubscribe
            rule("POST /newsroom/notifications", Role.CONTRIBUTOR),
            Map.entry("POST /unsubscribe/{token}", new Rule(ANYONE, Guard.SIGNED_LINK)),
            Map.entry("POST /{section:(?U)[\\w-]+}/{slug:(?U)[\\w-]+}/comments", new Rule(ANYONE, Guard.SAME_ORIGIN))));

    /** Lowest first. */
    private static final List<Role> ROLES = List.of(Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR, Role.ADMIN);
    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\{\\w+:([a-z]+)\\|[^}]*}");
    private static final Set<String> UNWATCHED_TABLES = Set.of("flyway_schema_history", "sign_in_failure");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** The application's own controllers (the actuator's endpoints are mapped elsewhere and only read). */
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    private static Map.Entry<String, Rule> rule(String route, Role lowest) {
        return Map.entry(route, new Rule(lowest, Guard.TOKEN));
    }

    @Test
    void noStateChangingRouteLetsAnyoneItShouldNotChangeAnything() throws Exception {
        Set<String> routes = stateChangingRoutes();
        assertThat(new TreeSet<>(routes)).as("every state-changing route has a rule in RouteMatrixTest.RULES, "
                + "and every rule a route").isEqualTo(RULES.keySet());

        Map<Role, Browser> staff = new EnumMap<>(Role.class);
        for (Role role : ROLES) {
            staff.put(role, Browser.signedIn(site().base(), TestAccounts.create(this, role.name().toLowerCase(Locale.ROOT))));
        }
        Objects objects = objects(staff.get(Role.ADMIN));
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String route : routes) {
            Rule rule = RULES.get(route);
            String method = route.substring(0, route.indexOf(' '));
            String path = objects.fill(route.substring(route.indexOf(' ') + 1));
            Map<String, Browser.Attempt> attempts = new LinkedHashMap<>();
            if (rule.guard() == Guard.SAME_ORIGIN) {
                Browser reader = Browser.anonymous(site().base());
                attempts.put("from another site's page", reader.attempt(method, path, false,
                        "Origin", "https://evil.example"));
                attempts.put("with Origin null", reader.attempt(method, path, false, "Origin", "null"));
                attempts.put("referred by another site", reader.attempt(method, path, false,
                        "Referer", "https://evil.example" + path));
            } else if (rule.guard() == Guard.SIGNED_LINK) {
                attempts.put("anonymous, a made-up link", Browser.anonymous(site().base()).attempt(method, path, false));
                attempts.put("ADMIN's session, a made-up link from another site", staff.get(Role.ADMIN).attempt(method,
                        path, true, "Origin", "https://evil.example", "Referer", "https://evil.example/"));
            } else if (rule.guard() == Guard.TOKEN_FOR_ANYONE) {
                attempts.put("anonymous, no token", Browser.anonymous(site().base()).attempt(method, path, false));
                attempts.put("ADMIN's session, posted from another site", staff.get(Role.ADMIN).attempt(method, path,
                        false, "Origin", "https://evil.example", "Referer", "https://evil.example/"));
            } else {
                attempts.put("anonymous, no token", Browser.anonymous(site().base()).attempt(method, path, false));
                attempts.put("anonymous with a token", Browser.anonymous(site().base()).attempt(method, path, true));
                for (Role role : ROLES) {
                    if (rule.lowest() != null && ROLES.indexOf(role) < ROLES.indexOf(rule.lowest())) {
                        attempts.put(role + " with a token", staff.get(role).attempt(method, path, true));
                    }
                }
                attempts.put("ADMIN without the token", staff.get(Role.ADMIN).attempt(method, path, false));
                attempts.put("ADMIN's session, posted from another site", staff.get(Role.ADMIN).attempt(method, path,
                        false, "Origin", "https://evil.example", "Referer", "https://evil.example/"));
            }
            for (Map.Entry<String, Browser.Attempt> attempt : attempts.entrySet()) {
                cases++;
                String before = databaseDigest();
                Browser.Answer answer = attempt.getValue().send();
                String after = databaseDigest();
                String label = route + " (" + path + "), " + attempt.getKey() + ": " + answer;
                if (!answer.refused()) {
                    failures.add(label + " was not refused");
                }
                if (!before.equals(after)) {
                    failures.add(label + " changed the database");
                }
            }
        }
        System.out.printf("Route matrix: %d state-changing routes, %d cases, %d failures%n", routes.size(), cases,
                failures.size());
        assertThat(failures).as("%d routes, %d cases", routes.size(), cases).isEmpty();
        assertThat(cases).isGreaterThan(routes.size() * 3);
    }

    /** "POST /path/{var}" for every pattern of every mapping that takes a state-changing method (or any method). */
    private Set<String> stateChangingRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern); // answers every method: needs a rule of its own
                }
                methods.stream().filter(CHANGING::contains).forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }
        routes.removeIf(route -> route.startsWith("ANY /error")); // Spring Boot's error page, which changes nothing
        return routes;
    }

    /** Real objects for the path variables, so that a refusal is the rule's and not a 404. */
    private record Objects(long articleId, String section, String slug, long revision, long entryId,
            long commentId, long accountId, long sectionId, long tagId) {

        String fill(String pattern) {
            String path = ALTERNATIVES.matcher(pattern).replaceAll("$1");
            Matcher variable = VARIABLE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(out, switch (variable.group(1)) {
                    case "articleId" -> Long.toString(articleId);
                    case "section" -> section;
                    case "slug" -> slug;
                    case "revision" -> Long.toString(revision);
                    case "entryId" -> Long.toString(entryId);
                    case "token" -> "a-link-token-the-matrix-made-up";
                    case "id" -> Long.toString(path.startsWith("/newsroom/articles")
                            || path.startsWith("/api/v1/admin/stories") ? articleId
                            : path.startsWith("/newsroom/users") ? accountId
                            : path.startsWith("/newsroom/sections") ? sectionId
                            : path.startsWith("/newsroom/tags") ? tagId
                            : path.startsWith("/newsroom/wire/providers") ? 1 // the first provider, always there
                            : commentId);
                    default -> throw new IllegalStateException("No value for {" + variable.group(1) + "} in " + pattern);
                });
            }
            variable.appendTail(out);
            return out.toString();
        }
    }

    /**
     * A published story with live coverage, an entry and an update waiting for review (set up by the admin,
     * through the newsroom), a reader's comment on it, another account, a section and a tag.
     */
    private Objects objects(Browser admin) throws IOException, InterruptedException {
        JdbcClient jdbc = bean(JdbcClient.class);
        // a story of its own: the live coverage and the waiting update stay off the sample stories other tests read
        long written = StoryBuilder.story(this, "A story the route matrix tries to change").write().id();
        Map<String, Object> article = jdbc.sql("""
                        SELECT a.id, s.slug AS section, a.slug, a.section_id, a.headline, a.standfirst, a.body
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.id = :id""").param("id", written).query().singleRow();
        long articleId = ((Number) article.get("id")).longValue();
        String desk = "/newsroom/articles/" + articleId;
        expect(admin.attempt("POST", desk + "/live/start", true).send(), "start live coverage");
        expect(admin.attempt("POST", desk + "/live/entries", true).form(Map.of("body", "An entry the matrix tries.",
                "keyEvent", "false")).send(), "post a live entry");
        long entryId = jdbc.sql("SELECT MAX(id) FROM live_entry WHERE article_id = :a").param("a", articleId)
                .query(Long.class).single();
        List<String> bylines = jdbc.sql("""
                        SELECT au.slug FROM article_author aa JOIN author au ON au.id = aa.author_id
                        WHERE aa.article_id = :a ORDER BY aa.position""").param("a", articleId).query(String.class).list();
        List<String> tags = jdbc.sql("""
                        SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = :a""")
                .param("a", articleId).query(String.class).list();
        expect(admin.attempt("POST", desk, true).form(Map.of("headline", (String) article.get("headline"),
                "standfirst", (String) article.get("standfirst"), "section", article.get("section_id").toString(),
                "slug", (String) article.get("slug"), "bylines", String.join(", ", bylines),
                "tags", String.join(", ", tags), "body", article.get("body") + "\n\nAn update for review.",
                "dateline", "", "source", "", "action", "pending")).send(), "save an update for review");
        Browser reader = Browser.anonymous(site().base());
        String articlePath = "/" + article.get("section") + "/" + article.get("slug");
        String stamp = Jsoup.parse(reader.attempt("GET", articlePath, false).send().body())
                .select("input[name=stamp]").attr("value");
        reader.attempt("POST", articlePath + "/comments", false, "Origin", site().base()).form(Map.of(
                "comment", "A comment the matrix tries to moderate.", "author", "Matrix", "email",
                "matrix@example.com", "stamp", stamp)).send();
        long commentId = jdbc.sql("SELECT MAX(id) FROM comment").query(Long.class).single();
        long revision = jdbc.sql("SELECT MAX(id) FROM article_revision WHERE article_id = :a").param("a", articleId)
                .query(Long.class).single();
        long accountId = jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", TestAccounts.create(this, "author")).query(Long.class).single();
        long sectionId = jdbc.sql("SELECT MIN(id) FROM section").query(Long.class).single();
        long tagId = jdbc.sql("SELECT MIN(id) FROM tag").query(Long.class).single();
        return new Objects(articleId, (String) article.get("section"), (String) article.get("slug"), revision,
                entryId, commentId, accountId, sectionId, tagId);
    }

    private static void expect(Browser.Answer answer, String what) {
        if (answer.status() != 302 && answer.status() != 303) {
            throw new IllegalStateException("Could not " + what + ": " + answer + " " + answer.body());
        }
    }

    /** Every row of every table that a refused request must leave alone. */
    private String databaseDigest() throws SQLException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection connection = bean(DataSource.class).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String name = found.getString("TABLE_NAME");
                    if (!UNWATCHED_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            tables.sort(null);
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (var statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            line.append(row.getString(c)).append('\u0001');
                        }
                        rows.add(line.toString());
                    }
                }
                rows.sort(null);
                digest.update((table + rows).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A browser without a script engine: its own cookies and address, no redirects followed. */
    private static final class Browser {

        private final String base;
        private final HttpClient client;
        private final String address = "203.0.113." + (1 + ADDRESSES.incrementAndGet() % 250);
        private String csrf = "";

        private Browser(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Browser anonymous(String base) throws IOException, InterruptedException {
            Browser browser = new Browser(base);
            browser.csrf = Jsoup.parse(browser.attempt("GET", "/newsroom/login", false).send().body())
                    .select("input[name=_csrf]").attr("value");
            return browser;
        }

        static Browser signedIn(String base, String username) throws IOException, InterruptedException {
            Browser browser = anonymous(base);
            Answer login = browser.attempt("POST", "/newsroom/login", true)
                    .form(Map.of("username", username, "password", TestAccounts.PASSWORD)).send();
            if (login.status() != 302 || !login.location().endsWith("/newsroom")) {
                throw new IllegalStateException("Could not sign in as " + username + ": " + login);
            }
            browser.csrf = Jsoup.parse(browser.attempt("GET", "/newsroom", false).send().body())
                    .select("meta[name=csrf-token]").attr("content");
            return browser;
        }

        Attempt attempt(String method, String path, boolean withToken, String... headers) {
            return new Attempt(this, method, path, withToken, headers, Map.of("headline", "Changed by the matrix",
                    "body", "Changed.", "role", "admin", "name", "Matrix", "username", "matrix-" + System.nanoTime(),
                    "password", "a long enough password", "comment", "Changed by the matrix."));
        }

        record Answer(int status, String location, String body) {

            boolean refused() {
                return status == 401 || status == 403 || status == 302 && location.contains("/newsroom/login");
            }

            @Override
            public String toString() {
                return status + (location.isEmpty() ? "" : " -> " + location);
            }
        }

        record Attempt(Browser browser, String method, String path, boolean withToken, String[] headers,
                Map<String, String> fields) {

            /** These fields instead of the matrix's own. */
            Attempt form(Map<String, String> replaced) {
                return new Attempt(browser, method, path, withToken, headers, replaced);
            }

            Answer send() throws IOException, InterruptedException {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base + path))
                        .header("X-Forwarded-For", browser.address);
                if (headers.length > 0) {
                    request.headers(headers);
                }
                if (method.equals("GET")) {
                    request.GET();
                } else if (path.startsWith("/api/")) {
                    if (withToken) {
                        request.header("X-CSRF-TOKEN", browser.csrf);
                    }
                    request.header("Content-Type", "application/json").header("Accept", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(
                                    "{\"body\": \"Changed by the matrix.\", \"moderation\": \"closed\"}"));
                } else {
                    Map<String, String> body = new LinkedHashMap<>(fields);
                    if (withToken) {
                        body.put("_csrf", browser.csrf);
                    }
                    StringBuilder encoded = new StringBuilder();
                    body.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&")
                            .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                    request.header("Content-Type", "application/x-www-form-urlencoded")
                            .method(method, HttpRequest.BodyPublishers.ofString(encoded.toString()));
                }
                HttpResponse<String> response = browser.client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                        response.body());
            }
        }
    }
}
