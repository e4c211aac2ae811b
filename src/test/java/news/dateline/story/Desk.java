package news.dateline.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A newsroom account in a journey: signs in through the real form and posts the editor form with its CSRF token. */
final class Desk {

    private static final Pattern ARTICLE = Pattern.compile("/newsroom/articles/(\\d+)");

    final String username;
    final SiteClient client;
    private final RunningSite site;
    private String csrf;

    private Desk(RunningSite site, String role) {
        this.site = site;
        this.username = TestAccounts.create(site, role);
        this.client = site.site().signIn(username, TestAccounts.PASSWORD);
        this.csrf = client.get("/newsroom/articles/new").html().select("meta[name=csrf-token]").attr("content");
    }

    static Desk signIn(RunningSite site, String role) {
        return new Desk(site, role);
    }

    /** A story's editor form fields: one headline and body, the first section, tags, no bylines. */
    static Map<String, String> story(String headline, String body) {
        return new java.util.LinkedHashMap<>(Map.of("headline", headline, "standfirst", "A standfirst.",
                "section", "1", "slug", "", "tags", "Editor tests", "body", body, "dateline", "", "source", ""));
    }

    SiteClient.Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return client.postForm(path, withToken);
    }

    SiteClient.Page post(String path, Map<String, String> fields, String action) {
        Map<String, String> withAction = new java.util.LinkedHashMap<>(fields);
        withAction.put("action", action);
        return post(path, withAction);
    }

    /** Creates a draft through the editor and returns its id. */
    long createDraft(Map<String, String> fields) {
        SiteClient.Page saved = post("/newsroom/articles", fields, "save");
        if (saved.status() != 302 && saved.status() != 303) {
            throw new IllegalStateException("Saving the draft answered " + saved.status() + ": " + saved.body());
        }
        Matcher m = ARTICLE.matcher(saved.header("Location"));
        if (!m.find()) {
            throw new IllegalStateException("No article in " + saved.header("Location"));
        }
        return Long.parseLong(m.group(1));
    }

    static Map<String, Object> row(RunningSite site, long articleId) {
        return site.bean(JdbcClient.class)
                .sql("SELECT a.status, a.headline, a.body, a.updated_at, a.published_at, a.slug, s.slug AS section_slug"
                        + " FROM article a JOIN section s ON s.id = a.section_id WHERE a.id = :id")
                .param("id", articleId).query().singleRow();
    }

    static String path(RunningSite site, long articleId) {
        Map<String, Object> row = row(site, articleId);
        return "/" + row.get("section_slug") + "/" + row.get("slug");
    }

    static long revisions(RunningSite site, long articleId) {
        return site.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article_revision WHERE article_id = :id")
                .param("id", articleId).query(Long.class).single();
    }

    static Long pendingRevision(RunningSite site, long articleId) {
        return site.bean(JdbcClient.class).sql("SELECT pending_revision_id FROM article WHERE id = :id")
                .param("id", articleId).query(Long.class).optional().orElse(null);
    }

    static Object scheduledFor(RunningSite site, long articleId) {
        return site.bean(JdbcClient.class).sql("SELECT scheduled_for FROM article WHERE id = :id")
                .param("id", articleId).query(Long.class).single();
    }

    static String authorName(RunningSite site, String slug) {
        return site.bean(JdbcClient.class).sql("SELECT name FROM author WHERE slug = :slug")
                .param("slug", slug).query(String.class).single();
    }

    String csrf() {
        return csrf;
    }

    static long articleCount(RunningSite site) {
        return site.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    static List<String> texts(org.jsoup.select.Elements elements) {
        List<String> out = new ArrayList<>();
        elements.forEach(e -> out.add(e.text()));
        return out;
    }
}
