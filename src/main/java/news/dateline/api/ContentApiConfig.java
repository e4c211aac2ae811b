package news.dateline.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The content API's routes get the per-address rate limit and CORS for reading from any origin (GET and HEAD, no
 * cookies: it is public). The moderation API under {@code /api/v1/comments} is neither: it is staff-only and
 * same-origin.
 */
@Configuration(proxyBeanMethods = false)
class ContentApiConfig implements WebMvcConfigurer {

    static final String[] CONTENT = {"/api/v1/stories", "/api/v1/stories/*", "/api/v1/sections", "/api/v1/tags",
            "/api/v1/authors", "/api/v1/search", "/api/v1/openapi.json"};

    private final ApiRateLimit limit;

    ContentApiConfig(ApiRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns(CONTENT);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : CONTENT) {
            registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD")
                    .allowedHeaders(HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT)
                    .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER)
                    .allowCredentials(false).maxAge(3600);
        }
    }
}
