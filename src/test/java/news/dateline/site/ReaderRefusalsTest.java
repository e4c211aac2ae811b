package news.dateline.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.dateline.platform.Refusal;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * How reader pages answer a refusal ({@link ReaderErrors}): in the site's design, with its chrome. Not found is the
 * site's 404 page with a search box; anything else the error page with its status, its message and, when trying
 * again helps, {@code Retry-After}. The answer does not depend on the database, so SQLite alone.
 */
class ReaderRefusalsTest extends SqliteSite {

    @Test
    void aStoryThatDoesNotExistIsTheSitesNotFoundPage() {
        Page missing = site().get("/world/no-such-story-" + System.nanoTime());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        Document html = missing.html();
        assertThat(html.select("h1").text()).isEqualTo("We couldn’t find that page");
        assertThat(html.select("#not-found-search")).hasSize(1);
        assertThat(html.select("nav.sections a")).as("the site's chrome, sections and all").isNotEmpty();
    }

    @Test
    void aRefusalOtherThanNotFoundIsTheSitesErrorPageWithItsStatusAndRetryAfter() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = bean(ReaderErrors.class).refused(Refusal.busy(), response);

        assertThat(page.getViewName()).isEqualTo("site/error");
        assertThat(page.getStatus()).isEqualTo(Refusal.busy().status());
        assertThat(page.getModel()).containsEntry("status", 503).containsKey("chrome")
                .containsEntry("message", Refusal.busy().getMessage());
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");

        ModelAndView busy = bean(ReaderErrors.class).failed(new QueryTimeoutException("lock wait timed out"),
                new MockHttpServletResponse());
        assertThat(busy.getViewName()).as("a database too busy to take the write").isEqualTo("site/error");
        assertThat(busy.getStatus().value()).isEqualTo(503);
        assertThatThrownBy(() -> bean(ReaderErrors.class).failed(new DataIntegrityViolationException("a bug"),
                new MockHttpServletResponse())).as("anything else stays the bug it is")
                .isInstanceOf(DataIntegrityViolationException.class);

        ModelAndView forbidden = bean(ReaderErrors.class).refused(Refusal.forbidden("Not for readers."), response);
        assertThat(forbidden.getStatus().value()).isEqualTo(403);
        assertThat(forbidden.getModel()).containsEntry("reason", "Forbidden").containsEntry("message",
                "Not for readers.");
    }
}
