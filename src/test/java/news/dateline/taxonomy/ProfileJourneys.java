package news.dateline.taxonomy;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Author profiles: each author edits their own, admins any; readers see them on the author page and bylines. */
interface ProfileJourneys extends RunningSite {

    @Test
    default void authorEditsTheirOwnProfileAndReadersSeeItOnTheirPageAndBylines() {
        String slug = newAuthor("Lena Brandt");
        NewsroomForms lena = authorAccount(slug);
        Written story = story(this, "Harbour cranes return").by(slug).write();
        // Both pages are cached for readers before the edit.
        assertThat(site().get("/author/" + slug).html().select(".author-job")).isEmpty();
        assertThat(site().get(story.path()).html().select("a[rel=author]").text()).isEqualTo("Lena Brandt");

        Document form = lena.get("/newsroom/profile").html();
        assertThat(form.select("h1").text()).isEqualTo("My profile");
        assertThat(form.select("#photoUrl-help").text()).contains("images from this site only");
        String action = form.select("form.profile-form").attr("action");
        Page saved = lena.post(action, "name", "Lena Brandt-Okafor", "jobTitle", "Harbour correspondent",
                "bio", "Covers the port & its people.", "photoUrl", "/assets/logo.png",
                "socialLinks", "https://mastodon.social/@lena\r\n\r\nhttps://www.linkedin.com/in/lena\r\n",
                "publicEmail", "lena@example.org");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(lena.get(saved.header("Location")).html().select(".notice").text())
                .isEqualTo("Profile saved: readers see it at /author/" + slug + ".");

        Document page = site().get("/author/" + slug).html();
        assertThat(page.select("h1").text()).isEqualTo("Lena Brandt-Okafor");
        assertThat(page.select(".author-job").text()).isEqualTo("Harbour correspondent");
        assertThat(page.select(".author-bio").text()).isEqualTo("Covers the port & its people.");
        assertThat(page.select("img.author-photo").attr("src")).isEqualTo("/assets/logo.png");
        assertThat(page.select(".author-links a").eachAttr("href")).containsExactly("https://mastodon.social/@lena",
                "https://www.linkedin.com/in/lena", "mailto:lena@example.org");
        assertThat(page.select(".author-links a").eachText())
                .containsExactly("mastodon.social", "linkedin.com", "lena@example.org");

        JsonNode profile = JsonMapper.builder().build()
                .readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(profile.path("@type").asString()).isEqualTo("ProfilePage");
        JsonNode person = profile.path("mainEntity");
        assertThat(person.path("@type").asString()).isEqualTo("Person");
        assertThat(person.path("name").asString()).isEqualTo("Lena Brandt-Okafor");
        assertThat(person.path("jobTitle").asString()).isEqualTo("Harbour correspondent");
        assertThat(person.path("description").asString()).isEqualTo("Covers the port & its people.");
        assertThat(person.path("image").asString()).endsWith("/assets/logo.png").startsWith("http");
        assertThat(person.path("email").asString()).isEqualTo("lena@example.org");
        assertThat(person.path("sameAs").values().stream().map(JsonNode::asString).toList())
                .containsExactly("https://mastodon.social/@lena", "https://www.linkedin.com/in/lena");

        // The cached article page was dropped: its byline shows the new name and leads to the profile.
        Document article = site().get(story.path()).html();
        assertThat(article.select("a[rel=author]").text()).isEqualTo("Lena Brandt-Okafor");
        assertThat(article.select("a[rel=author]").attr("href")).isEqualTo("/author/" + slug);

        // Emptied, the email and links leave the page and the JSON-LD.
        lena.post(action, "name", "Lena Brandt-Okafor", "jobTitle", "", "bio", "", "photoUrl", "",
                "socialLinks", "", "publicEmail", "");
        Document emptied = site().get("/author/" + slug).html();
        assertThat(emptied.select(".author-links, .author-job, img.author-photo")).isEmpty();
        assertThat(emptied.select("script[type=application/ld+json]").first().data())
                .doesNotContain("lena@example.org").doesNotContain("sameAs");
    }

    @Test
    default void authorMayNotEditAnotherAuthorsProfile() {
        String mine = newAuthor("Ravi Menon");
        String theirs = newAuthor("Sofia Lind");
        NewsroomForms ravi = authorAccount(mine);
        long theirId = authorId(theirs);
        Map<String, Object> before = row(theirId);
        assertThat(site().get("/author/" + theirs).html().select("h1").text()).isEqualTo("Sofia Lind");

        assertThat(ravi.get("/newsroom/authors/" + theirId).status()).isEqualTo(403);
        Page refused = ravi.post("/newsroom/authors/" + theirId, "name", "Hijacked", "bio", "Not mine",
                "jobTitle", "", "photoUrl", "", "socialLinks", "", "publicEmail", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().text()).contains("You may edit your own author profile only.");
        assertThat(ravi.get("/newsroom/authors").status()).isEqualTo(403);

        assertThat(row(theirId)).isEqualTo(before);
        assertThat(site().get("/author/" + theirs).html().select("h1").text()).isEqualTo("Sofia Lind");
        // An editor without a profile of their own has no "My profile" either.
        assertThat(NewsroomForms.as(this, "editor").get("/newsroom/profile").status()).isEqualTo(404);
    }

    @Test
    default void profileWithProblemsComesBackWithEachProblemNamedAndTheInputKept() {
        String slug = newAuthor("Tomas Berg");
        NewsroomForms tomas = authorAccount(slug);
        long id = authorId(slug);
        Map<String, Object> before = row(id);

        Page refused = tomas.post("/newsroom/authors/" + id, "name", "  ", "jobTitle", "Sub-editor",
                "bio", "Kept <b>text</b>", "photoUrl", "https://cdn.example.com/tomas.jpg",
                "socialLinks", "https://example.org/tomas\nhttp://insecure.example.org/tomas",
                "publicEmail", "tomas at example");
        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.html();
        assertThat(form.select("[role=alert]").text()).contains("Nothing was saved");
        assertThat(form.select("#name-error").text()).isEqualTo("Please enter a name.");
        assertThat(form.select("#photoUrl-error").text()).startsWith("Give a path on this site");
        assertThat(form.select("#socialLinks-error").text()).isEqualTo(
                "Line 2 is not an https address: give one https:// address a line.");
        assertThat(form.select("#publicEmail-error").text()).startsWith("That does not look like an email address");
        assertThat(form.select("#jobTitle").attr("value")).isEqualTo("Sub-editor");
        assertThat(form.select("#bio").text()).isEqualTo("Kept <b>text</b>");
        assertThat(form.select("#photoUrl").attr("value")).isEqualTo("https://cdn.example.com/tomas.jpg");
        assertThat(form.select("#socialLinks").text()).contains("http://insecure.example.org/tomas");
        assertThat(form.select("#publicEmail").attr("value")).isEqualTo("tomas at example");
        assertThat(row(id)).isEqualTo(before);

        // A javascript: link or a protocol-relative photo is refused the same way.
        Page sneaky = tomas.post("/newsroom/authors/" + id, "name", "Tomas Berg", "jobTitle", "", "bio", "",
                "photoUrl", "//evil.example/x.png", "socialLinks", "javascript:alert(1)", "publicEmail", "");
        assertThat(sneaky.status()).isEqualTo(422);
        assertThat(sneaky.html().select("#photoUrl-error, #socialLinks-error")).hasSize(2);
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    default void adminEditsAnyAuthorsProfileFromTheAuthorsScreen() {
        String slug = newAuthor("Ines Duarte");
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        Document list = admin.get("/newsroom/authors").html();
        String edit = list.select("a[aria-label=Edit the profile of Ines Duarte]").attr("href");
        assertThat(edit).isEqualTo("/newsroom/authors/" + authorId(slug));
        Document form = admin.get(edit).html();
        assertThat(form.select("h1").text()).isEqualTo("Profile of Ines Duarte");
        assertThat(form.select("#name").attr("value")).isEqualTo("Ines Duarte");

        Page saved = admin.post(edit, "name", "Ines Duarte", "jobTitle", "Data editor", "bio", "Charts.",
                "photoUrl", "", "socialLinks", "", "publicEmail", "");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith(edit);
        assertThat(site().get("/author/" + slug).html().select(".author-job").text()).isEqualTo("Data editor");
        assertThat(NewsroomForms.as(this, "editor").get("/newsroom/authors").status()).isEqualTo(403);
    }

    private String newAuthor(String name) {
        String slug = "writer-" + Long.toString(System.nanoTime(), 36);
        bean(AuthorRepository.class).insert(slug, name, "");
        return slug;
    }

    private long authorId(String slug) {
        return bean(AuthorRepository.class).findBySlug(slug).orElseThrow().id();
    }

    /** An account of role author writing under this profile, signed in. */
    private NewsroomForms authorAccount(String slug) {
        NewsroomForms forms = NewsroomForms.as(this, "author");
        bean(JdbcClient.class).sql("UPDATE account SET author_id = :author WHERE username = :username")
                .param("author", authorId(slug)).param("username", forms.username).update();
        return forms;
    }

    private Map<String, Object> row(long id) {
        return bean(JdbcClient.class).sql("""
                        SELECT name, bio, job_title, photo_url, public_email, social_links FROM author WHERE id = :id""")
                .param("id", id).query().singleRow();
    }
}
