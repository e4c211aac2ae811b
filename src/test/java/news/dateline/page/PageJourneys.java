package news.dateline.page;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pages (About, Contact…) written in the newsroom, and what readers, feeds and sitemaps make of them. */
interface PageJourneys extends RunningSite {

    @Test
    default void aPageWrittenInTheEditorShowsAtItsAddressAndIsAbsentFromFeedsAndHome() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        String title = "Corrections policy " + unique;
        String body = "We correct **every** error we find.\n\n## How to tell us\n\nWrite to the desk.";
        // The editor's live preview renders the page's Markdown the way readers will get it.
        assertThat(editor.post("/newsroom/preview", "body", body).body())
                .contains("<strong>every</strong>", "How to tell us");

        Page created = editor.post("/newsroom/pages", "title", title, "slug", "", "parent", "", "body", body,
                "action", "publish");
        assertThat(created.status()).isEqualTo(302);
        String editUrl = created.header("Location");
        assertThat(editor.get(editUrl).html().select(".notice").text()).isEqualTo("Page published.");
        String path = "/pages/corrections-policy-" + unique;

        Page page = site().get(path);
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("main h1").text()).isEqualTo(title);
        assertThat(html.select("main .story-body strong").text()).isEqualTo("every");
        assertThat(html.select("main .story-body h2").text()).isEqualTo("How to tell us");
        assertThat(html.select("link[rel=canonical]").attr("href")).endsWith(path);
        assertThat(site().get(path).header("X-Cache")).isEqualTo("hit");

        // Not news: never on the home page, in a feed, in the news sitemap; in the sitemap, for search engines.
        assertThat(site().get("/").body()).doesNotContain(title);
        for (String feed : new String[] {"/feed", "/feed/atom", "/feed.json", "/news-sitemap.xml"}) {
            Page answer = site().get(feed);
            assertThat(answer.status()).as(feed).isEqualTo(200);
            assertThat(answer.body()).as(feed).doesNotContain(title).doesNotContain(path);
        }
        String pagesSitemap = site().get("/sitemaps/pages-1.xml").body();
        assertThat(pagesSitemap).contains(path + "</loc>");
        assertThat(site().get("/sitemap.xml").body()).contains("/sitemaps/pages-1.xml");

        // An edit shows at once although the page was cached.
        Page saved = editor.post(editUrl, "title", title, "slug", "corrections-policy-" + unique, "parent", "",
                "body", "We correct errors **within the hour**.", "action", "save");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(site().get(path).html().select("main .story-body strong").text()).isEqualTo("within the hour");

        // Every save is a revision; an old one comes back into the editor to be saved again.
        Document editing = editor.get(editUrl).html();
        assertThat(editing.select("#revisions li")).hasSize(2);
        String first = editing.select("#revisions li a").last().attr("href");
        Document restored = editor.get(first).html();
        assertThat(restored.select("#body").text()).isEqualTo(body);
        assertThat(restored.select(".notice").text()).contains("save to make it the page again");

        // Unpublished, readers get the 404 page, and the sitemap forgets it.
        assertThat(editor.post(editUrl, "title", title, "slug", "corrections-policy-" + unique, "parent", "",
                "body", "x", "action", "unpublish").status()).isEqualTo(302);
        assertThat(site().get(path).status()).isEqualTo(404);
        assertThat(site().get("/sitemap.xml").body()).doesNotContain(path);
    }

    /** Issue 16: an embed line on a page becomes the same privacy-first placeholder as on an article. */
    @Test
    default void aPageWithAYouTubeLineShowsThePlaceholderAndLoadsTheEmbedScriptThePolicyAllows() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        String video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        Page created = editor.post("/newsroom/pages", "title", "Visit the newsroom " + unique, "slug", "", "parent",
                "", "body", "A tour of the building.\n\n" + video + "\n\nCome and see us.", "action", "publish");
        assertThat(created.status()).isEqualTo(302);
        assertThat(editor.get(created.header("Location")).html().select("script[src*=embeds]"))
                .as("the page editor arms its preview's button too").hasSize(1);

        Page page = site().get("/pages/visit-the-newsroom-" + unique);

        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("main .story-body figure.embed figcaption").text()).isEqualTo("YouTube: " + video);
        assertThat(html.select("main .story-body figure.embed button").text()).isEqualTo("Load content from YouTube");
        assertThat(html.select("iframe, [src*=youtube]")).as("nothing from YouTube before the click").isEmpty();
        String script = html.select("script[src*=embeds]").attr("src");
        assertThat(script).as("the page loads the embed script").startsWith("/assets/embeds");
        assertThat(site().get(script).status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains(" https://www.youtube-nocookie.com");
        assertThat(site().get("/pages/visit-the-newsroom-" + unique).html().select("script[src*=embeds]"))
                .as("and so does the cached copy").hasSize(1);
    }

    @Test
    default void aRenamedPageAndItsSubPagesKeepTheirOldAddressesAsRedirects() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        long about = pageId(editor.post("/newsroom/pages", "title", "About " + unique, "slug", "about-" + unique,
                "parent", "", "body", "Who we are.", "action", "publish"));
        long team = pageId(editor.post("/newsroom/pages", "title", "Our team", "slug", "team", "parent",
                Long.toString(about), "body", "The people.", "action", "publish"));
        assertThat(site().get("/pages/about-" + unique + "/team").html().select("main h1").text())
                .isEqualTo("Our team");
        assertThat(editor.get("/newsroom/pages").html().select("#page-" + team).text()).contains("Our team",
                "/pages/about-" + unique + "/team");

        Page renamed = editor.post("/newsroom/pages/" + about, "title", "About us " + unique, "slug",
                "about-us-" + unique, "parent", "", "body", "Who we are.", "action", "save");
        assertThat(editor.get(renamed.header("Location")).html().select(".notice.moved").text())
                .contains("/pages/about-" + unique + " now redirects to /pages/about-us-" + unique);
        Page old = site().get("/pages/about-" + unique);
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/pages/about-us-" + unique);
        Page oldChild = site().get("/pages/about-" + unique + "/team");
        assertThat(oldChild.status()).isEqualTo(301);
        assertThat(oldChild.header("Location")).endsWith("/pages/about-us-" + unique + "/team");
        assertThat(site().get("/pages/about-us-" + unique + "/team").status()).isEqualTo(200);

        // A page cannot move under its own sub-page.
        Page loop = editor.post("/newsroom/pages/" + about, "title", "About us " + unique, "slug",
                "about-us-" + unique, "parent", Long.toString(team), "body", "Who we are.", "action", "save");
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.html().select("#parent-error").text()).isEqualTo(PageService.PARENT_BELOW);
        assertThat(site().get("/pages/about-us-" + unique).status()).isEqualTo(200);
    }

    @Test
    default void aRefusedPageComesBackWithTheProblemNamedAndTheTextKept() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        Page untitled = editor.post("/newsroom/pages", "title", "  ", "slug", "", "parent", "",
                "body", "Draft text worth keeping " + unique, "action", "publish");
        assertThat(untitled.status()).isEqualTo(422);
        Document form = untitled.html();
        assertThat(form.select("#title-error").text()).isEqualTo("Please enter a title.");
        assertThat(form.select("#body").text()).isEqualTo("Draft text worth keeping " + unique);
        assertThat(form.select(".notice.problem").text()).isEqualTo("The page was not saved: see the fields marked.");

        editor.post("/newsroom/pages", "title", "Contact " + unique, "slug", "", "parent", "", "body", "Call us.",
                "action", "publish");
        Page taken = editor.post("/newsroom/pages", "title", "Contact again", "slug", "contact-" + unique,
                "parent", "", "body", "Second text", "action", "publish");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.html().select("#slug-error").text())
                .isEqualTo("Another page, \"Contact " + unique + "\", already uses /pages/contact-" + unique + ".");
        assertThat(taken.html().select("#title").attr("value")).isEqualTo("Contact again");
        Page badSlug = editor.post("/newsroom/pages", "title", "Ethics", "slug", "Our Ethics!", "parent", "",
                "body", "", "action", "save");
        assertThat(badSlug.html().select("#slug-error").text()).isEqualTo(PageService.BAD_SLUG);
        assertThat(badSlug.html().select("#slug").attr("value")).isEqualTo("Our Ethics!");

        // A draft is not for readers.
        long draft = pageId(editor.post("/newsroom/pages", "title", "Ethics " + unique, "slug", "", "parent", "",
                "body", "Soon.", "action", "save"));
        assertThat(site().get("/pages/ethics-" + unique).status()).isEqualTo(404);

        // Authors and contributors write stories, not the site's pages; nothing changes.
        NewsroomForms author = NewsroomForms.as(this, "author");
        assertThat(author.get("/newsroom/pages").status()).isEqualTo(403);
        Page refused = author.post("/newsroom/pages/" + draft, "title", "Hijacked", "slug", "", "parent", "",
                "body", "x", "action", "publish");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(bean(JdbcClient.class).sql("SELECT title FROM page WHERE id = :id").param("id", draft)
                .query(String.class).single()).isEqualTo("Ethics " + unique);
        assertThat(site().get("/pages/ethics-" + unique).status()).isEqualTo(404);
    }

    private static long pageId(Page created) {
        assertThat(created.status()).as("page saved").isEqualTo(302);
        String location = created.header("Location");
        return Long.parseLong(location.replaceAll(".*/newsroom/pages/(\\d+).*", "$1"));
    }
}
