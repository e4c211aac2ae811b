package news.dateline.edge;

import org.apache.coyote.Request;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP/2 ({@code dateline.http2}, {@code DATELINE_HTTP2}, on by default): h2 over TLS when {@code server.ssl.*} is
 * set, and h2c in clear text for a reverse proxy that speaks it (prior knowledge, or an {@code Upgrade: h2c} GET).
 *
 * <p>Not Spring Boot's {@code server.http2.enabled}: Tomcat buffers the body of an upgrade request only up to
 * {@code maxSavePostSize} (4 KB) and answers anything larger 413 with an empty page, so a comment sent by an h2c
 * client would be refused unread. Here a request with a body is not upgraded; it is answered in HTTP/1.1, as the
 * protocol allows, and the connection's next request may upgrade.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dateline.http2", havingValue = "true", matchIfMissing = true)
class Http2Config {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> http2() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.addUpgradeProtocol(new UpgradesWithoutBody()));
    }

    static final class UpgradesWithoutBody extends Http2Protocol {

        @Override
        public boolean accept(Request request) {
            return request.getContentLengthLong() <= 0 && request.getHeader("transfer-encoding") == null
                    && super.accept(request);
        }
    }
}
