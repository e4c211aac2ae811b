package news.dateline.site;

import news.dateline.platform.Slugs;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** A 301 to a path on this site that carries no model attributes into the query string. */
final class PermanentRedirect {

    private PermanentRedirect() {
    }

    static RedirectView to(String path) {
        RedirectView redirect = new RedirectView(Slugs.inUrl(path));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
