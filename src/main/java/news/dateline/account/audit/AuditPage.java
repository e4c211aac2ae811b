package news.dateline.account.audit;

import java.util.List;
import java.util.Map;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditEvent;

/**
 * The audit screen: the filter as typed (kept when it is refused), the problem with each field, the rows shown
 * (each with its time as the newsroom shows it) and the query string of the next page, when there is one.
 */
public record AuditPage(String who, String action, String from, String until, Map<String, String> problems,
        List<Row> rows, String next, String csv) {

    public record Row(AuditEvent event, String time) {
    }

    public AuditAction[] actions() {
        return AuditAction.values();
    }
}
