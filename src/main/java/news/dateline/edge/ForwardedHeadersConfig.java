package news.dateline.edge;

import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers are believed only from {@link TrustedProxies}, through Tomcat's own {@link RemoteIpValve}
 * (Spring Boot's is switched off: {@code server.forward-headers-strategy=none}, because its default trusts every
 * private and loopback address). From a listed proxy, {@code X-Forwarded-For} gives the client address that
 * {@code request.getRemoteAddr()} then returns everywhere (comment rate limits, the sign-in throttle, logs),
 * {@code X-Forwarded-Proto} / {@code -Host} / {@code -Port} the scheme and authority the reader used; from anyone
 * else they are ordinary headers that nothing reads. Addresses in the X-Forwarded-For chain that are themselves
 * trusted proxies are skipped from the right, so a chain of listed proxies works. RFC 7239 {@code Forwarded} is not
 * read at all (the valve does not know it): a proxy must send the X-Forwarded-* headers.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfig {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersConfig.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxyValve(TrustedProxies proxies) {
        return factory -> {
            if (proxies.none()) {
                log.info("No trusted proxies (DATELINE_TRUSTED_PROXIES): X-Forwarded-* headers are ignored");
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(proxies.asCidrList());
            valve.setTrustedProxies(null);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
            log.info("X-Forwarded-* headers are read from the trusted proxies {}", proxies.trustedProxies());
        };
    }
}
