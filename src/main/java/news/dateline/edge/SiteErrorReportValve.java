package news.dateline.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The container's own error answer, for what Tomcat refuses before the application is even chosen (a path with
 * {@code %2f}, {@code %00}, {@code %5c} or a broken escape in it): instead of Tomcat's page without any of our
 * headers, the small page in the site's design ({@link Refusals}) with the security headers. Replaces the
 * {@link ErrorReportValve} Spring Boot puts on the host ({@code ErrorReportValveConfig}).
 */
final class SiteErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final ObjectProvider<Refusals> refusals;

    SiteErrorReportValve(ObjectProvider<Refusals> refusals) {
        this.refusals = refusals;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        Refusals pages = refusals.getIfAvailable();
        if (!ioAllowed.get() || pages == null) {
            return;
        }
        log.info("Refused {} {} from {}: {} by the container", Refusals.printable(request.getMethod()),
                Refusals.printable(request.getRequestURI()), request.getRemoteAddr(), status);
        try {
            String body = pages.prepare(request, response, Refusals.plainReason(status));
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response cannot be written to: nothing more to say
        }
    }
}
