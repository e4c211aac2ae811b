package news.dateline.account.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditEvent;
import news.dateline.platform.audit.AuditEvents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log, for administrators only (SecurityConfig says so for /newsroom/audit/**; the check here repeats it):
 * newest first, filtered by who, what and the days from and until (inclusive, in the site's time zone), and the
 * same selection as CSV.
 */
@Controller
@NewsroomScreen
class AuditController {

    static final int PAGE_SIZE = 100;
    static final String BAD_DATE = "Give a date as YYYY-MM-DD, e.g. 2026-03-31.";
    static final String BAD_ACTION = "Choose one of the listed actions.";
    static final String BACKWARDS = "The last day comes on or after the first.";

    private final AuditEvents events;
    private final NewsroomTimes times;

    AuditController(AuditEvents events, NewsroomTimes times) {
        this.events = events;
        this.times = times;
    }

    @GetMapping("/newsroom/audit")
    String list(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String who,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String until, @RequestParam(required = false) Long before,
            Model model, HttpServletResponse response) {
        requireAdmin(staff);
        Map<String, String> problems = new LinkedHashMap<>();
        AuditEvents.Filter filter = filter(who, action, from, until, problems);
        List<AuditPage.Row> rows = List.of();
        String next = null;
        if (problems.isEmpty()) {
            List<AuditEvent> found = events.find(filter, before, PAGE_SIZE + 1);
            rows = found.stream().limit(PAGE_SIZE).map(e -> new AuditPage.Row(e, times.human(e.at()))).toList();
            if (found.size() > PAGE_SIZE) {
                next = query(who, action, from, until).queryParam("before", rows.getLast().event().id())
                        .build().encode().getQuery();
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("page", new AuditPage(who, action, from, until, problems, rows, next,
                query(who, action, from, until).build().encode().getQuery()));
        return "account/audit";
    }

    @GetMapping("/newsroom/audit.csv")
    void csv(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String who,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String until, HttpServletResponse response) throws IOException {
        requireAdmin(staff);
        Map<String, String> problems = new LinkedHashMap<>();
        AuditEvents.Filter filter = filter(who, action, from, until, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The audit log was not exported: " + String.join(" ", problems.values()), problems);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-"
                + LocalDate.now(times.zone()) + ".csv\"");
        Writer out = response.getWriter();
        AuditCsv.header(out);
        events.each(filter, event -> AuditCsv.row(out, event));
        out.flush();
    }

    private AuditEvents.Filter filter(String who, String action, String from, String until,
            Map<String, String> problems) {
        AuditAction chosen = null;
        if (!action.isBlank()) {
            chosen = AuditAction.fromCode(action).orElse(null);
            if (chosen == null) {
                problems.put("action", BAD_ACTION);
            }
        }
        Optional<LocalDate> first = day(from, "from", problems);
        Optional<LocalDate> last = day(until, "until", problems);
        if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
            problems.put("until", BACKWARDS);
        }
        Instant start = first.map(d -> d.atStartOfDay(times.zone()).toInstant()).orElse(null);
        Instant end = last.map(d -> d.plusDays(1).atStartOfDay(times.zone()).toInstant()).orElse(null);
        return new AuditEvents.Filter(who, chosen, start, end);
    }

    private static Optional<LocalDate> day(String typed, String field, Map<String, String> problems) {
        if (typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            problems.put(field, BAD_DATE);
            return Optional.empty();
        }
    }

    private static UriComponentsBuilder query(String who, String action, String from, String until) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        Map.of("who", who, "action", action, "from", from, "until", until).entrySet().stream()
                .filter(e -> !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> query.queryParam(e.getKey(), e.getValue()));
        return query;
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators read the audit log.");
        }
    }
}
