package news.dateline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the sign-in page after a refused attempt, carrying the typed username and the reason through the
 * session (never the password, and never in the address). "?error" stays in the URL for scripts that look.
 */
final class SignInOutcome {

    static final String LOGIN_PAGE = "/newsroom/login";
    static final String USERNAME = "username";
    static final String PROBLEM = "problem";

    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private SignInOutcome() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response, String username, String problem)
            throws IOException {
        FlashMap flash = new FlashMap();
        flash.put(USERNAME, username == null ? "" : username);
        flash.put(PROBLEM, problem);
        flash.setTargetRequestPath(request.getContextPath() + LOGIN_PAGE);
        FLASH.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error");
    }
}
