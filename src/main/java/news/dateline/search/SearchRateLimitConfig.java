package news.dateline.search;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SearchRateLimitConfig implements WebMvcConfigurer {

    private final SearchRateLimit limit;

    SearchRateLimitConfig(SearchRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/search");
    }
}
