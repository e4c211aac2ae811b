package news.dateline.account.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import news.dateline.platform.audit.AuditEvent;

/**
 * The audit log as CSV (RFC 4180): every cell quoted, quotes doubled. A cell a spreadsheet would read as a formula
 * (starting with {@code = + - @}, or a tab or carriage return that hides one) gets a leading apostrophe, so a
 * username or headline typed by an attacker cannot run when an admin opens the file (OWASP "CSV injection").
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("time (UTC)", "who", "action", "subject", "detail", "address");

    private AuditCsv() {
    }

    static void header(Writer out) {
        line(out, HEADER);
    }

    static void row(Writer out, AuditEvent event) {
        line(out, List.of(event.at().toString(), event.actor(), event.actionLabel(), event.subject(), event.detail(),
                event.address()));
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
