package news.dateline.site;

import jakarta.servlet.http.HttpServletRequest;
import news.dateline.platform.Slugs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Addresses readers and other sites write with a slash too many: the feeds ({@code /feed/}, {@code /feed/atom/}),
 * an article or a tag or author page ({@code /world/some-story/}, {@code /tag/flood/}) and their feeds answer 301
 * to the address without it (a section's own address is the one that ends with a slash). Whether the target
 * exists is its handler's business: it answers 404 when not.
 */
@Controller
class TrailingSlashes {

    private static final String SEGMENT = "{a:" + Slugs.IN_ROUTE + "}/{b:" + Slugs.IN_ROUTE + "}";

    @GetMapping({"/feed/", "/feed/atom/", "/" + SEGMENT + "/", "/" + SEGMENT + "/feed/", "/" + SEGMENT + "/feed/atom/",
            "/{a:" + Slugs.IN_ROUTE + "}/feed/atom/"})
    RedirectView withoutSlash(HttpServletRequest request) {
        String path = request.getRequestURI(); // as sent: already percent-encoded
        RedirectView redirect = new RedirectView(path.substring(0, path.length() - 1));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
