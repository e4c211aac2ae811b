package news.dateline.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import news.dateline.platform.Role;
import news.dateline.platform.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts {@link Staff} into the model of every newsroom page (each controller marked {@link NewsroomScreen}, in
 * whichever feature's package), for the layout's menu and the forms' CSRF token.
 */
@ControllerAdvice(annotations = NewsroomScreen.class)
class NewsroomAdvice {

    private final ResourceUrlProvider resources;

    NewsroomAdvice(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @ModelAttribute("staff")
    Staff staff(Authentication authentication, CsrfToken csrf, HttpServletRequest request) {
        String stylesheet = resources.getForLookupPath("/assets/newsroom.css");
        // the security chain has just read the account and checked it exists and is enabled (SignedInAccountFilter)
        SignedIn account = SignedIn.of(request).orElseThrow();
        return new Staff(account.username(), roleOf(authentication), csrf,
                stylesheet != null ? stylesheet : "/assets/newsroom.css", account.accountId(), account.authorId());
    }

    static Role roleOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> Role.valueOf(a.substring(5).toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(Role.CONTRIBUTOR);
    }
}
