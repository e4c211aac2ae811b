package news.dateline.account;

import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an open editor page recover after its session ended and the writer signed in again in another tab: signing
 * in issues a new CSRF token, so the page fetches it here before saving (docs/newsroom.md, "Signed out").
 */
@RestController
@NewsroomScreen
class SessionController {

    @GetMapping("/newsroom/session")
    Map<String, String> session(@ModelAttribute("staff") Staff staff) {
        return Map.of("username", staff.username(), "header", staff.csrf().getHeaderName(),
                "parameter", staff.csrf().getParameterName(), "token", staff.csrf().getToken());
    }
}
