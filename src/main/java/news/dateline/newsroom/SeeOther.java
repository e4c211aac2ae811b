package news.dateline.newsroom;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** After a form post, 303 See Other: the browser fetches the page with GET, and reload never posts again. */
public final class SeeOther {

    private SeeOther() {
    }

    public static ModelAndView to(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
