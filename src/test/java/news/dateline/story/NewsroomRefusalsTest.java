package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the newsroom answers a refusal (newsroom.NewsroomErrors), here for an article that does not exist: JSON
 * when the request asks for JSON (the editor's background calls), otherwise the newsroom's own problem page. Never
 * the reader's HTML 404. The answer does not depend on the database, so SQLite alone.
 */
class NewsroomRefusalsTest extends SqliteSite {

    @Test
    void aMissingArticleAskedForAsJsonAnswers404JsonNotTheReadersPage() {
        Desk editor = Desk.signIn(this, "editor");
        long missing = missingArticleId();

        Page json = editor.client.get("/newsroom/articles/" + missing, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.body()).isEqualTo("{\"error\":\"There is no article " + missing + ".\"}");

        Page autosave = editor.post("/newsroom/articles/" + missing + "/autosave", Desk.story("Lost", "Typed."));
        assertThat(autosave.status()).as("the editor's background save").isEqualTo(404);
        assertThat(autosave.header("Content-Type")).startsWith("application/json");
        assertThat(autosave.body()).contains("\"error\"").doesNotContain("<html");
    }

    @Test
    void aMissingArticleInTheBrowserIsTheNewsroomsNotFoundPage() {
        Desk editor = Desk.signIn(this, "editor");
        long missing = missingArticleId();

        Page page = editor.client.get("/newsroom/articles/" + missing, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(404);
        Document html = page.html();
        assertThat(html.select("header.nr-bar")).as("the newsroom's layout").hasSize(1);
        assertThat(html.select("h1").text()).isEqualTo("Not found");
        assertThat(html.select(".notice.problem").text()).isEqualTo("There is no article " + missing + ".");
        assertThat(html.text()).doesNotContain("We couldn’t find that page");
    }

    private long missingArticleId() {
        return bean(JdbcClient.class).sql("SELECT COALESCE(MAX(id), 0) + 1000000 FROM article").query(Long.class)
                .single();
    }
}
