package news.dateline.edge;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ErrorReportValveConfig {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> siteErrorReportValve(
            ObjectProvider<Refusals> refusals) {
        return new SiteErrorReportValveCustomizer(refusals);
    }

    /**
     * Ordered after Spring Boot's customizer, which puts a plain ErrorReportValve on the host, so that ours replaces
     * it; the host is told its class too, so it does not add one of Tomcat's own when it starts.
     */
    private record SiteErrorReportValveCustomizer(ObjectProvider<Refusals> refusals)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers((TomcatContextCustomizer) context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
                    host.getPipeline().addValve(new SiteErrorReportValve(refusals));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
