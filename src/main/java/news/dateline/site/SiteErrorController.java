package news.dateline.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error a reader can meet is a page in the site's design with a way back and a search box:
 * unknown addresses (404), and anything else the container reports (never a stack trace).
 */
@Controller
class SiteErrorController implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        response.setStatus(status);
        if (status == HttpStatus.NOT_FOUND.value()) {
            return "site/not-found";
        }
        HttpStatus known = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", known != null ? known.getReasonPhrase() : "Error");
        return "site/error";
    }
}
