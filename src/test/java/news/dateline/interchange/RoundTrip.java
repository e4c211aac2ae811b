package news.dateline.interchange;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Articles and comments as one line each, comparable across two databases (ids differ, content must not). */
final class RoundTrip {

    private RoundTrip() {
    }

    /** The lines of {@code expected} that {@code actual} lacks (each line counted as often as it occurs). */
    static List<String> missingFrom(List<String> actual, List<String> expected) {
        List<String> left = new java.util.ArrayList<>(actual);
        return expected.stream().filter(line -> !left.remove(line)).toList();
    }

    static List<String> articles(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT a.id, a.kind, s.slug AS section, s.name AS section_name, a.slug, a.headline,
                               a.standfirst, a.body, a.dateline_place, a.source_credit, a.status, a.published_at,
                               a.updated_at, a.scheduled_for
                        FROM article a JOIN section s ON s.id = a.section_id""")
                .query((rs, n) -> String.join(" | ", rs.getString("kind"), rs.getString("section"),
                        rs.getString("section_name"), rs.getString("slug"), rs.getString("headline"),
                        rs.getString("standfirst"), rs.getString("body"), rs.getString("dateline_place"),
                        rs.getString("source_credit"), rs.getString("status"), rs.getString("published_at"),
                        rs.getString("updated_at"), rs.getString("scheduled_for"),
                        "tags=" + jdbc.sql("""
                                        SELECT t.slug || ':' || t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                                        WHERE at.article_id = :id ORDER BY at.position""")
                                .param("id", rs.getLong("id")).query(String.class).list(),
                        "by=" + jdbc.sql("""
                                        SELECT au.slug || ':' || au.name FROM article_author w
                                        JOIN author au ON au.id = w.author_id
                                        WHERE w.article_id = :id ORDER BY w.position""")
                                .param("id", rs.getLong("id")).query(String.class).list()))
                .list();
    }

    static List<String> comments(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT s.slug || '/' || a.slug AS article, c.state, c.kind, c.author_name, c.author_email,
                               c.author_url, c.body, c.created_at / 1000 AS created_second,
                               COALESCE(p.author_name || ': ' || p.body, '') AS answers
                        FROM comment c JOIN article a ON a.id = c.article_id JOIN section s ON s.id = a.section_id
                        LEFT JOIN comment p ON p.id = c.parent_id""")
                .query((rs, n) -> String.join(" | ", rs.getString("article"), rs.getString("state"),
                        rs.getString("kind"), rs.getString("author_name"), rs.getString("author_email"),
                        rs.getString("author_url"), rs.getString("body"), rs.getString("created_second"),
                        rs.getString("answers")))
                .list();
    }

    /** Each old address with the story it leads to and when it was retired. */
    static List<String> slugHistory(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT old.slug || '/' || h.slug || ' -> ' || s.slug || '/' || a.slug || ' | ' || h.retired_at
                        FROM article_slug_history h JOIN section old ON old.id = h.section_id
                        JOIN article a ON a.id = h.article_id JOIN section s ON s.id = a.section_id""")
                .query(String.class).list();
    }

    /** Each revision with its story's address: who saved it, when, what kind, and the whole snapshot. */
    static List<String> revisions(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT s.slug || '/' || a.slug AS article, r.saved_by, r.saved_at, r.kind, rs.slug AS section,
                               r.slug, r.headline, r.standfirst, r.body, r.dateline_place, r.source_credit, r.tags,
                               r.author_ids
                        FROM article_revision r JOIN article a ON a.id = r.article_id
                        JOIN section s ON s.id = a.section_id JOIN section rs ON rs.id = r.section_id""")
                .query((rs, n) -> String.join(" | ", rs.getString("article"), rs.getString("saved_by"),
                        rs.getString("saved_at"), rs.getString("kind"), rs.getString("section"), rs.getString("slug"),
                        rs.getString("headline"), rs.getString("standfirst"), rs.getString("body"),
                        rs.getString("dateline_place"), rs.getString("source_credit"), rs.getString("tags"),
                        "by=" + (rs.getString("author_ids").isEmpty() ? List.of() : java.util.Arrays
                                .stream(rs.getString("author_ids").split(",")).map(id -> jdbc
                                        .sql("SELECT slug FROM author WHERE id = :id").param("id", Long.parseLong(id))
                                        .query(String.class).single()).toList())))
                .list();
    }

    /** Each story that was ever covered live: its address, when coverage started and when it ended. */
    static List<String> liveCoverage(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT s.slug || '/' || a.slug || ' | ' || a.live_since || ' | ' || COALESCE(a.live_ended_at, -1)
                        FROM article a JOIN section s ON s.id = a.section_id WHERE a.live_since IS NOT NULL""")
                .query(String.class).list();
    }

    /** Each live entry, deleted ones too, with its story's address, author, times, key-event flag and body. */
    static List<String> liveEntries(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT s.slug || '/' || a.slug AS article, e.author_username, e.created_at, e.edited_at,
                               e.deleted_at, e.key_event, e.body
                        FROM live_entry e JOIN article a ON a.id = e.article_id JOIN section s ON s.id = a.section_id""")
                .query((rs, n) -> String.join(" | ", rs.getString("article"), rs.getString("author_username"),
                        rs.getString("created_at"), rs.getString("edited_at"), rs.getString("deleted_at"),
                        Boolean.toString(rs.getBoolean("key_event")), rs.getString("body")))
                .list();
    }

    /** Each correction with its story's address, when it was made (to the millisecond) and its note. */
    static List<String> corrections(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT s.slug || '/' || a.slug || ' | ' || c.created_at || ' | ' || c.note
                        FROM article_correction c JOIN article a ON a.id = c.article_id
                        JOIN section s ON s.id = a.section_id""")
                .query(String.class).list();
    }
}
