package news.dateline.edge;

import java.io.CharArrayWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import news.dateline.platform.DataProperties;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.JsonAccessLogValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access log, opt-in ({@code DATELINE_ACCESS_LOG=combined|json}): one line per request, written by Tomcat after
 * the answer, to {@code <data dir>/logs/access.YYYY-MM-DD.log} (rotated daily) or, with
 * {@code DATELINE_ACCESS_LOG_TO=stdout}, to standard output. It never holds a secret: paths are logged without
 * their query string (a search, a tracking parameter), the Referer without its query string too, a preview link's
 * token is cut from the path (in the request and in the Referer: same-origin requests from a preview page carry
 * it), and so is a mailed reset or invitation link's; no cookie or Authorization header is in either format.
 * Addresses are the client's as the trusted-proxy valve resolved them.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfig {

    static final String COMBINED = "%a %l %u %t \"%m %U %H\" %s %b \"%{Referer}i\" \"%{User-Agent}i\"";
    static final String JSON = "%a %t %m %U %H %s %b %D %{Referer}i %{User-Agent}i";
    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"]*");
    private static final Pattern PREVIEW_TOKEN = Pattern.compile("/preview/[^\\s\"/?]+");
    /** A mailed password reset or invitation link's token (docs/mail.md). */
    private static final Pattern LINK_TOKEN = Pattern.compile("/newsroom/(reset|welcome)/[^\\s\"/?]+");

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> accessLog(
            @Value("${dateline.access-log.format:}") String format, @Value("${dateline.access-log.to:file}") String to,
            DataProperties data) {
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (kind.isEmpty() || kind.equals("off") || kind.equals("false")) {
            return factory -> { };
        }
        if (!kind.equals("combined") && !kind.equals("json")) {
            throw new IllegalArgumentException("dateline.access-log.format (DATELINE_ACCESS_LOG): \"" + format
                    + "\" is not combined, json or off");
        }
        boolean stdout = switch (to.strip().toLowerCase(Locale.ROOT)) {
            case "stdout" -> true;
            case "file", "" -> false;
            default -> throw new IllegalArgumentException("dateline.access-log.to (DATELINE_ACCESS_LOG_TO): \"" + to
                    + "\" is not file or stdout");
        };
        AccessLogValve valve = kind.equals("json") ? new RedactedJson(stdout) : new RedactedCombined(stdout);
        valve.setPattern(kind.equals("json") ? JSON : COMBINED);
        valve.setRequestAttributesEnabled(true);
        valve.setDirectory(directory(data).toAbsolutePath().toString());
        valve.setPrefix("access.");
        valve.setSuffix(".log");
        valve.setBuffered(false);
        valve.setEncoding("UTF-8");
        return factory -> factory.addEngineValves(valve);
    }

    /** An h2c upgrade's 101 is the first half of a request whose answer is logged as HTTP/2.0: one line, not two. */
    private static boolean upgrade(Response response) {
        return response.getStatus() == 101;
    }

    /** The line without query strings or preview tokens. */
    static String redact(String line) {
        String withoutPreview = PREVIEW_TOKEN.matcher(QUERY.matcher(line).replaceAll("")).replaceAll("/preview/-");
        return LINK_TOKEN.matcher(withoutPreview).replaceAll("/newsroom/$1/-");
    }

    private static void write(CharArrayWriter message, boolean stdout, java.util.function.Consumer<CharArrayWriter> file) {
        String line = redact(message.toString());
        if (stdout) {
            System.out.println(line);
            return;
        }
        CharArrayWriter redacted = new CharArrayWriter(line.length());
        redacted.append(line);
        file.accept(redacted);
    }

    static final class RedactedCombined extends AccessLogValve {
        private final boolean stdout;

        RedactedCombined(boolean stdout) {
            this.stdout = stdout;
        }

        @Override
        public void log(Request request, Response response, long time) {
            if (!upgrade(response)) {
                super.log(request, response, time);
            }
        }

        @Override
        public void log(CharArrayWriter message) {
            write(message, stdout, super::log);
        }
    }

    static final class RedactedJson extends JsonAccessLogValve {
        private final boolean stdout;

        RedactedJson(boolean stdout) {
            this.stdout = stdout;
        }

        @Override
        public void log(Request request, Response response, long time) {
            if (!upgrade(response)) {
                super.log(request, response, time);
            }
        }

        @Override
        public void log(CharArrayWriter message) {
            write(message, stdout, super::log);
        }
    }

    static Path directory(DataProperties data) {
        return data.dir().resolve("logs");
    }
}
