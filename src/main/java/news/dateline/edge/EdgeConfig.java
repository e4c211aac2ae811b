package news.dateline.edge;

import news.dateline.platform.BaseUrlCheck;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class EdgeConfig {

    /**
     * Ahead of every filter of ours (legacy URLs -300, page cache -200, Spring Security -100) and of Spring's form
     * parsing (-9900); behind only character encoding and the request observation, so refusals are counted.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestEdgeFilter> requestEdgeFilter(AllowedHosts hosts, Refusals refusals,
            MultipartProperties multipart, BaseUrlCheck baseUrl) {
        var registration = new FilterRegistrationBean<>(new RequestEdgeFilter(hosts, refusals,
                multipart.getMaxRequestSize(), baseUrl));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
