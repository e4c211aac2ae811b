package news.dateline.platform.cache;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PageCacheConfig implements WebMvcConfigurer {

    /** Ahead of Spring Security (order -100): a cache hit needs no security context, only the stored headers. */
    static final int ORDER = -200;

    /**
     * First of all (with Spring's character encoding, which changes nothing a hit sends): ahead of the request
     * observation (highest + 1), Spring Session (highest + 50), the edge (highest + 10) and everything after.
     */
    static final int HITS_ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, CacheProperties properties, Clock clock,
            ObjectProvider<PersonalPages> personal, PageCacheMeters meters) {
        var registration = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, properties, clock, personal.orderedStream().toList(), meters));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Without the edge's admission (a slice of the application) no hit is answered ahead of the chain. */
    @Bean
    FilterRegistrationBean<CacheHitFilter> cacheHitFilter(PageCache cache, CacheProperties properties,
            ObjectProvider<EdgeAdmission> edge, ObjectProvider<PersonalPages> personal, PageCacheMeters meters,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        EdgeAdmission admission = edge.getIfUnique(() -> request -> false);
        var registration = new FilterRegistrationBean<>(new CacheHitFilter(cache, properties, admission,
                personal.orderedStream().toList(), meters, sessionCookie));
        registration.setOrder(HITS_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** First, so that no other interceptor can write before the page cache knows to keep the body. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CachedPageInterceptor()).order(Ordered.HIGHEST_PRECEDENCE);
    }
}
