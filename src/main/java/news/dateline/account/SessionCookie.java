package news.dateline.account;

import news.dateline.platform.SiteProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsroom session cookie is Secure whenever the site is served over https (HttpOnly and SameSite=Lax
 * are set in application.properties). dateline.login.secure-cookie overrides the guess, for a TLS-terminating
 * proxy in front of a site whose base URL still says http, or for local testing.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    @Bean
    ServletContextInitializer secureSessionCookie(LoginProperties login, SiteProperties site) {
        boolean secure = login.secureCookie() != null ? login.secureCookie()
                : site.baseUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
        return servletContext -> servletContext.getSessionCookieConfig().setSecure(secure);
    }

    /** The same for the cookie Spring Session writes, which is the one in use (sessions live in the database). */
    @Bean
    DefaultCookieSerializerCustomizer secureSpringSessionCookie(LoginProperties login, SiteProperties site) {
        boolean secure = login.secureCookie() != null ? login.secureCookie()
                : site.baseUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
        return serializer -> serializer.setUseSecureCookie(secure);
    }
}
