package news.dateline.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.NewsroomForms;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A role that may not open a newsroom screen is told so on the newsroom's problem page (newsroom.NewsroomErrors),
 * with the reason, not on the reader's error page. The answer does not depend on the database, so SQLite alone.
 */
class AdminsOnlyRefusalTest extends SqliteSite {

    @Test
    void anEditorOpeningTheSectionsScreenIsToldOnTheNewsroomsPageThatOnlyAdminsManageSections() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");

        Page refused = editor.get("/newsroom/sections");
        assertThat(refused.status()).isEqualTo(403);
        Document html = refused.html();
        assertThat(html.select("header.nr-bar")).as("the newsroom's layout").hasSize(1);
        assertThat(html.select("h1").text()).isEqualTo("Not allowed");
        assertThat(html.select(".notice.problem").text()).isEqualTo("Only admins manage sections");
    }
}
