package news.dateline.edge;

/**
 * What the small refusal page ({@code edge/refused.jte}) shows: the site's name and stylesheet, and why the request
 * was not served. {@code home} is the front page on {@code dateline.site.base-url}, never on the request's host.
 */
public record RefusedPage(String siteName, String language, String stylesheet, String home, int status, String title,
        String message) {
}
