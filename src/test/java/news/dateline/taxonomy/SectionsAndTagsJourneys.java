package news.dateline.taxonomy;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sections and tags screens for admins, and what readers notice of their changes. */
interface SectionsAndTagsJourneys extends RunningSite {

    @Test
    default void adminRenamesASectionAndReadersSeeTheNewName() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String unique = Long.toString(System.nanoTime(), 36);
        Page added = admin.post("/newsroom/sections", "name", "Weather " + unique, "slug", "", "description", "Skies");
        assertThat(added.status()).isEqualTo(303);
        assertThat(admin.get(added.header("Location")).html().select(".notice").text())
                .isEqualTo("Section \"Weather " + unique + "\" added at the end of the menu.");
        long id = sectionId("weather-" + unique);
        Written story = story(this, "Heatwave warning issued").in("weather-" + unique).write();
        // Readers' pages are cached with the old navigation before the rename.
        assertThat(site().get("/").html().select("nav.sections").text()).contains("Weather " + unique);
        assertThat(site().get(story.path()).status()).isEqualTo(200);

        Page renamed = admin.post("/newsroom/sections/" + id, "name", "Climate " + unique,
                "slug", "climate-" + unique, "description", "Skies and seas");
        assertThat(renamed.status()).isEqualTo(303);
        assertThat(admin.get("/newsroom/sections").html().select(".notice").text())
                .contains("Its address is now /climate-" + unique + "/");

        Document home = site().get("/").html();
        assertThat(home.select("nav.sections").text()).contains("Climate " + unique).doesNotContain("Weather " + unique);
        Document section = site().get("/climate-" + unique + "/").html();
        assertThat(section.select("h1").text()).isEqualTo("Climate " + unique);
        String newPath = "/climate-" + unique + "/" + story.path().substring(story.path().lastIndexOf('/') + 1);
        assertThat(site().get(newPath).html().select(".story-header .kicker").text()).isEqualTo("Climate " + unique);
        // The old addresses keep working.
        Page oldSection = site().get("/weather-" + unique + "/");
        assertThat(oldSection.status()).isEqualTo(301);
        assertThat(oldSection.header("Location")).endsWith("/climate-" + unique + "/");
        Page oldStory = site().get(story.path());
        assertThat(oldStory.status()).isEqualTo(301);
        assertThat(oldStory.header("Location")).endsWith(newPath);

        // A taken or reserved slug is refused beside the field, with the admin's text kept.
        Page taken = admin.post("/newsroom/sections/" + id, "name", "Climate again", "slug", "world",
                "description", "");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.html().select("#slug-" + id + "-error").text()).isEqualTo("Another section already uses \"world\".");
        assertThat(taken.html().select("#name-" + id).attr("value")).isEqualTo("Climate again");
        Page reserved = admin.post("/newsroom/sections", "name", "Tags", "slug", "tag", "description", "");
        assertThat(reserved.html().select("#slug-new-error").text()).contains("one of the site's own addresses");

        // Reordering moves it in readers' menus at once.
        int before = menuIndex("Climate " + unique);
        assertThat(admin.post("/newsroom/sections/" + id + "/up").status()).isEqualTo(303);
        assertThat(menuIndex("Climate " + unique)).isEqualTo(before - 1);

        // Only admins.
        assertThat(NewsroomForms.as(this, "editor").post("/newsroom/sections/" + id, "name", "Editor's name",
                "slug", "climate-" + unique, "description", "").status()).isEqualTo(403);
        assertThat(site().get("/").html().select("nav.sections").text()).contains("Climate " + unique);
    }

    @Test
    default void nonEmptySectionCannotBeDeleted() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String unique = Long.toString(System.nanoTime(), 36);
        admin.post("/newsroom/sections", "name", "Motoring " + unique, "slug", "motoring-" + unique,
                "description", "");
        long id = sectionId("motoring-" + unique);
        Written story = story(this, "New bypass opens").in("motoring-" + unique).write();

        Page refused = admin.post("/newsroom/sections/" + id + "/delete");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select(".notice.problem").text())
                .isEqualTo("\"Motoring " + unique + "\" still holds 1 article(s): move them to another section first.");
        assertThat(site().get(story.path()).status()).isEqualTo(200);
        assertThat(refused.html().select("#section-" + id).text()).contains("Motoring " + unique);

        // Empty, it goes, from the menu too.
        bean(JdbcClient.class).sql("DELETE FROM article WHERE id = :id").param("id", story.id()).update();
        Page deleted = admin.post("/newsroom/sections/" + id + "/delete");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(sectionCount("motoring-" + unique)).isZero();
        assertThat(site().get("/").html().select("nav.sections").text()).doesNotContain("Motoring " + unique);
    }

    @Test
    default void adminMergesATagIntoAnotherAndItsStoriesFollow() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String unique = Long.toString(System.nanoTime(), 36);
        Written both = story(this, "Tram strike day two").tagged("Tram strike " + unique, "Transport " + unique).write();
        Written one = story(this, "Tram strike begins").tagged("Tram strike " + unique).write();
        long from = tagId("tram-strike-" + unique);
        long into = tagId("transport-" + unique);

        Page inUse = admin.post("/newsroom/tags/" + from + "/delete");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.html().select(".notice.problem").text()).contains("merge it into another tag instead");

        Page merged = admin.post("/newsroom/tags/merge", "from", Long.toString(from), "into", Long.toString(into));
        assertThat(merged.status()).isEqualTo(303);
        assertThat(site().get("/tag/tram-strike-" + unique).status()).isEqualTo(404);
        Document transport = site().get("/tag/transport-" + unique).html();
        assertThat(transport.text()).contains("Tram strike day two", "Tram strike begins");
        assertThat(site().get(one.path()).html().select(".story-tags").text()).isEqualTo("Transport " + unique);
        assertThat(site().get(both.path()).html().select(".story-tags a")).hasSize(1);

        Page renamed = admin.post("/newsroom/tags/" + into, "name", "Public transport " + unique, "slug", "");
        assertThat(renamed.status()).isEqualTo(303);
        assertThat(site().get(one.path()).html().select(".story-tags").text()).isEqualTo("Public transport " + unique);
        assertThat(site().get("/tag/public-transport-" + unique).status()).isEqualTo(200);
        Page empty = admin.post("/newsroom/tags/" + into, "name", " ", "slug", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#name-" + into + "-error").text()).isEqualTo("Please enter a name.");
    }

    private int menuIndex(String name) {
        return site().get("/").html().select("nav.sections li").eachText().indexOf(name);
    }

    private long sectionId(String slug) {
        return bean(JdbcClient.class).sql("SELECT id FROM section WHERE slug = :s").param("s", slug)
                .query(Long.class).single();
    }

    private int sectionCount(String slug) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM section WHERE slug = :s").param("s", slug)
                .query(Integer.class).single();
    }

    private long tagId(String slug) {
        return bean(JdbcClient.class).sql("SELECT id FROM tag WHERE slug = :s").param("s", slug)
                .query(Long.class).single();
    }
}
