package news.dateline.platform;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JteConfig {

    /** Templates are compiled to Java at build time (jte-maven-plugin), so rendering does no parsing. */
    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine) {
        return new JteViewResolver(templateEngine);
    }
}
