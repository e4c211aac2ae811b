package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.interchange.WxrExporter;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditPurge;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log at /newsroom/audit, through the running server on each database: what admins and editors do is
 * recorded once, with who, when and the address they came from; a refused action leaves nothing; only admins read
 * it; it filters and exports as CSV a spreadsheet cannot be tricked by; old entries go, and none can be changed.
 * Each test filters by accounts of its own, as other journeys share the site.
 */
interface AuditJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;
    Pattern ARTICLE = Pattern.compile("/newsroom/articles/(\\d+)");

    @Test
    default void everyAuditedActionAppearsInTheLogOnceWithWhoAndWhere() throws Exception {
        String admin = TestAccounts.create(this, "admin");
        String editor = TestAccounts.create(this, "editor");
        StaffSession wrong = StaffSession.open(this);
        assertThat(wrong.attemptSignIn(admin, "not the password").header("Location")).contains("error");
        StaffSession adminSession = StaffSession.signedIn(this, admin, PASSWORD);
        StaffSession editorSession = StaffSession.signedIn(this, editor, PASSWORD);

        // account changes by the admin
        String newcomer = "audited-" + Long.toString(System.nanoTime(), 36);
        assertThat(adminSession.post("/newsroom/users", Map.of("username", newcomer, "role", "author",
                "password", "", "author", "", "newAuthorName", "")).status()).isEqualTo(302);
        long newcomerId = accountId(newcomer);
        adminSession.post("/newsroom/users/" + newcomerId + "/role", Map.of("role", "contributor"));
        adminSession.post("/newsroom/users/" + newcomerId + "/disable", Map.of());
        adminSession.post("/newsroom/users/" + newcomerId + "/enable", Map.of());
        adminSession.post("/newsroom/users/" + newcomerId + "/password", Map.of("password", ""));
        assertThat(role(newcomer)).isEqualTo("contributor");

        // publication by the editor: publish, correct, unpublish, schedule (published by the scheduler at its time)
        String headline = "Ferry timetable changes for winter " + Long.toString(System.nanoTime(), 36);
        long id = createDraft(editorSession, headline);
        assertThat(editorSession.post("/newsroom/articles/" + id, story(headline, "publish")).status()).isEqualTo(302);
        Map<String, String> correction = story(headline, "correct");
        correction.put("correctionNote", "The last sailing is at 22:10, not 22:00.");
        assertThat(editorSession.post("/newsroom/articles/" + id, correction).status()).isEqualTo(302);
        assertThat(editorSession.post("/newsroom/articles/" + id, story(headline, "unpublish")).status())
                .isEqualTo(302);
        MovableClock clock = bean(MovableClock.class);
        Instant at = clock.instant().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> schedule = story(headline, "schedule");
        schedule.put("scheduleAt", LocalDateTime.ofInstant(at, bean(NewsroomTimes.class).zone()).toString());
        assertThat(editorSession.post("/newsroom/articles/" + id, schedule).status()).isEqualTo(302);
        clock.advanceTo(at);
        assertThat(bean(news.dateline.story.ArticleService.class).publishIfDue(id)).isTrue();

        // an import by the admin, and an export (from the command line, which runs the same exporter)
        SiteClient adminBrowser = site().signIn(admin, PASSWORD);
        String browserToken = adminBrowser.get("/newsroom/import").html().select("input[name=_csrf]").attr("value");
        assertThat(adminBrowser.postMultipart("/newsroom/import?_csrf=" + browserToken, Map.of("_csrf", browserToken),
                "file", "audit.xml", wxr().getBytes(StandardCharsets.UTF_8)).html().select("#import-summary").text())
                .contains("Imported");
        int exported = bean(WxrExporter.class).export(new ByteArrayOutputStream());

        Document adminLog = adminSession.get("/newsroom/audit?who=" + admin).html();
        assertThat(actions(adminLog)).containsExactly(
                AuditAction.IMPORTED.code(), AuditAction.SIGNED_IN.code(), // the browser that imported
                AuditAction.PASSWORD_SET.code(), AuditAction.ACCOUNT_ENABLED.code(),
                AuditAction.ACCOUNT_DISABLED.code(), AuditAction.ROLE_CHANGED.code(),
                AuditAction.ACCOUNT_CREATED.code(), AuditAction.SIGNED_IN.code(), AuditAction.SIGN_IN_FAILED.code());
        Element roleChange = row(adminLog, AuditAction.ROLE_CHANGED);
        assertThat(roleChange.select(".subject").text()).isEqualTo(newcomer);
        assertThat(roleChange.select(".detail").text()).isEqualTo("author → contributor");
        assertThat(roleChange.select(".address").text()).isEqualTo(adminSession.address());
        assertThat(row(adminLog, AuditAction.SIGN_IN_FAILED).select(".address").text()).isEqualTo(wrong.address());
        assertThat(row(adminLog, AuditAction.ACCOUNT_CREATED).select(".detail").text()).isEqualTo("author");
        assertThat(adminLog.select("#audit time").first().attr("datetime")).isNotEmpty();

        Document editorLog = adminSession.get("/newsroom/audit?who=" + editor).html();
        assertThat(actions(editorLog)).containsExactly(AuditAction.STORY_SCHEDULED.code(),
                AuditAction.STORY_UNPUBLISHED.code(), AuditAction.STORY_CORRECTED.code(),
                AuditAction.STORY_PUBLISHED.code(), AuditAction.SIGNED_IN.code());
        assertThat(row(editorLog, AuditAction.STORY_PUBLISHED).select(".subject").text())
                .isEqualTo(headline + " (#" + id + ")");
        assertThat(row(editorLog, AuditAction.STORY_CORRECTED).select(".detail").text())
                .isEqualTo("The last sailing is at 22:10, not 22:00.");
        assertThat(row(editorLog, AuditAction.STORY_PUBLISHED).select(".address").text())
                .isEqualTo(editorSession.address());

        // the scheduler's publication and the export are the site's own, from no address
        List<Map<String, Object>> site = jdbc().sql("""
                        SELECT action, subject, detail, address FROM audit_event
                        WHERE actor = 'dateline' AND (subject = :story OR action = :exported) AND at >= :since
                        ORDER BY id""")
                .param("story", headline + " (#" + id + ")").param("exported", AuditAction.EXPORTED.code())
                .param("since", at.minusSeconds(1).toEpochMilli())
                .query().listOfRows();
        assertThat(site).extracting(r -> r.get("action")).containsExactly(AuditAction.STORY_PUBLISHED.code(),
                AuditAction.EXPORTED.code());
        assertThat(site.getFirst().get("detail")).isEqualTo("on schedule");
        assertThat(site.getLast().get("detail")).isEqualTo(exported + " articles");
        assertThat(site).extracting(r -> r.get("address")).containsOnly("");
    }

    @Test
    default void aRefusedActionLeavesNothingInTheLog() {
        String contributor = TestAccounts.create(this, "contributor");
        String author = TestAccounts.create(this, "author");
        StaffSession session = StaffSession.signedIn(this, contributor, PASSWORD);
        String headline = "Lighthouse keepers return " + Long.toString(System.nanoTime(), 36);
        long id = createDraft(session, headline);

        assertThat(session.post("/newsroom/articles/" + id, story(headline, "publish")).status()).isEqualTo(403);
        assertThat(session.post("/newsroom/users/" + accountId(author) + "/role", Map.of("role", "admin"))
                .status()).isEqualTo(403);

        assertThat(jdbc().sql("SELECT action FROM audit_event WHERE actor = :who ORDER BY id")
                .param("who", contributor).query(String.class).list())
                .as("only the sign-in: the refused publish and role change left nothing")
                .containsExactly(AuditAction.SIGNED_IN.code());
        assertThat(role(author)).isEqualTo("author");
    }

    @Test
    default void onlyAdminsReadTheAuditLog() {
        StaffSession editor = StaffSession.signedIn(this, TestAccounts.create(this, "editor"), PASSWORD);
        assertThat(editor.get("/newsroom/audit").status()).isEqualTo(403);
        assertThat(editor.get("/newsroom/audit.csv").status()).isEqualTo(403);
        assertThat(editor.get("/newsroom").html().select("a[href=/newsroom/audit]")).isEmpty();
        assertThat(StaffSession.open(this).get("/newsroom/audit.csv").status()).as("anonymous").isEqualTo(302);

        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), PASSWORD);
        assertThat(admin.get("/newsroom").html().select("a[href=/newsroom/audit]")).hasSize(1);
        assertThat(admin.get("/newsroom/audit").status()).isEqualTo(200);
    }

    @Test
    default void theLogFiltersByWhoActionAndDayAndABadFilterIsNamedWithTheInputKept() {
        String admin = TestAccounts.create(this, "admin");
        StaffSession session = StaffSession.signedIn(this, admin, PASSWORD);
        StaffSession.open(this).attemptSignIn(admin, "wrong once");
        LocalDate today = LocalDate.now(bean(MovableClock.class).withZone(bean(NewsroomTimes.class).zone()));

        assertThat(actions(session.get("/newsroom/audit?who=" + admin.toUpperCase() + "&action="
                + AuditAction.SIGN_IN_FAILED.code()).html())).as("any case of the name")
                .containsExactly(AuditAction.SIGN_IN_FAILED.code());
        assertThat(actions(session.get("/newsroom/audit?who=" + admin + "&until=" + today.minusDays(2)).html()))
                .isEmpty();
        assertThat(actions(session.get("/newsroom/audit?who=" + admin + "&from=" + today.minusDays(1)
                + "&until=" + today.plusDays(1)).html())).hasSize(2);

        Page bad = session.get("/newsroom/audit?who=" + admin + "&from=yesterday&action=no-such-thing");
        assertThat(bad.status()).isEqualTo(400);
        Document form = bad.html();
        assertThat(form.select("#from-error").text()).isEqualTo("Give a date as YYYY-MM-DD, e.g. 2026-03-31.");
        assertThat(form.select("#action-error").text()).isEqualTo("Choose one of the listed actions.");
        assertThat(form.select("#from").val()).isEqualTo("yesterday");
        assertThat(form.select("#who").val()).isEqualTo(admin);
        assertThat(form.select("#audit tbody tr")).isEmpty();
        assertThat(session.get("/newsroom/audit.csv?from=2026-13-01").status()).isEqualTo(422);
    }

    @Test
    default void theCsvExportHoldsTheFilteredRowsAndDefusesFormulas() {
        String admin = TestAccounts.create(this, "admin");
        StaffSession session = StaffSession.signedIn(this, admin, PASSWORD);
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")" + System.nanoTime();
        StaffSession.open(this).attemptSignIn(formula, "anything");

        Page csv = session.get("/newsroom/audit.csv?who=" + java.net.URLEncoder.encode(formula,
                StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"audit-");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).isEqualTo("\"time (UTC)\",\"who\",\"action\",\"subject\",\"detail\",\"address\"");
        String quoted = "\"'" + formula.replace("\"", "\"\"") + "\"";
        assertThat(lines.get(1)).contains(",\"Sign-in failed\",").startsWith("\"20").contains(quoted);
        assertThat(lines.get(1)).doesNotContain(",\"=");
        List<String> mine = session.get("/newsroom/audit.csv?who=" + admin).body().lines().toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.getLast()).contains("\"Signed in\"");
    }

    @Test
    default void entriesPastTheKeptTimeArePurgedAndNoEntryCanBeChanged() {
        String admin = TestAccounts.create(this, "admin");
        StaffSession.signedIn(this, admin, PASSWORD);
        Instant now = bean(MovableClock.class).instant();
        jdbc().sql("""
                        INSERT INTO audit_event (at, actor, action, subject, detail, address)
                        VALUES (:at, :who, 'sign-in', :who, 'long ago', '')""")
                .param("at", now.minus(Duration.ofDays(401)).toEpochMilli()).param("who", admin).update();
        assertThat(detailsOf(admin)).containsExactly("long ago", "");

        bean(AuditPurge.class).purge();

        assertThat(detailsOf(admin)).as("400 days are kept by default").containsExactly("");
        assertThatThrownBy(() -> jdbc().sql("UPDATE audit_event SET actor = 'someone else' WHERE actor = :who")
                .param("who", admin).update()).hasMessageContaining("append-only");
        assertThat(detailsOf(admin)).containsExactly("");
    }

    private List<String> detailsOf(String actor) {
        return jdbc().sql("SELECT detail FROM audit_event WHERE actor = :who ORDER BY at")
                .param("who", actor).query(String.class).list();
    }

    private static List<String> actions(Document log) {
        return log.select("#audit tbody tr").eachAttr("data-action");
    }

    private static Element row(Document log, AuditAction action) {
        List<Element> rows = log.select("#audit tbody tr[data-action=" + action.code() + "]");
        assertThat(rows).as(action.code()).hasSize(1);
        return rows.getFirst();
    }

    private static Map<String, String> story(String headline, String action) {
        return new LinkedHashMap<>(Map.of("headline", headline, "standfirst", "A standfirst.", "section", "1",
                "slug", "", "tags", "Audit tests", "body", "The timetable changes on Monday.", "dateline", "",
                "source", "", "action", action));
    }

    private static long createDraft(StaffSession session, String headline) {
        Page saved = session.post("/newsroom/articles", story(headline, "save"));
        Matcher m = ARTICLE.matcher(String.valueOf(saved.header("Location")));
        if (!m.find()) {
            throw new IllegalStateException("Saving the draft answered " + saved.status() + ": " + saved.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static String wxr() {
        String slug = "audited-import-" + Long.toString(System.nanoTime(), 36);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Old site</title>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <item>
                    <title>An imported story</title>
                    <dc:creator>someone</dc:creator>
                    <content:encoded><![CDATA[<p>Imported words.</p>]]></content:encoded>
                    <wp:post_id>%d</wp:post_id>
                    <wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>
                    <wp:post_name>%s</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                    <category domain="category" nicename="news"><![CDATA[News]]></category>
                  </item>
                </channel>
                </rss>
                """.formatted(System.nanoTime() % 1_000_000_000L, slug).strip();
    }

    private long accountId(String username) {
        return jdbc().sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class)
                .single();
    }

    private String role(String username) {
        return jdbc().sql("SELECT role FROM account WHERE username = :u").param("u", username).query(String.class)
                .single();
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }
}
