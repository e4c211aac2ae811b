package news.dateline.front;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front page form as typed: the lead ("" for the newest), each top-story row (story id or "", its order
 * number) and each section's pin ("" for none), with each field's problem. Field names: {@code lead},
 * {@code top-1}…, {@code order-1}…, {@code pin-<section id>}.
 */
public record FrontForm(String lead, List<Row> rows, Map<Long, String> pins, Map<String, String> errors) {

    public record Row(int number, String story, String order) {

        public String storyField() {
            return "top-" + number;
        }

        public String orderField() {
            return "order-" + number;
        }
    }

    /** The form showing what is stored, with one empty row for each top story not chosen. */
    static FrontForm of(FrontPicks picks) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < FrontPicks.MAX_TOP; i++) {
            String story = i < picks.top().size() ? String.valueOf(picks.top().get(i)) : "";
            rows.add(new Row(i + 1, story, String.valueOf(i + 1)));
        }
        Map<Long, String> pins = new LinkedHashMap<>();
        picks.pins().forEach((section, article) -> pins.put(section, String.valueOf(article)));
        return new FrontForm(picks.lead() == null ? "" : String.valueOf(picks.lead()), rows, pins, Map.of());
    }

    /** What the browser sent, every field kept as typed. */
    static FrontForm from(Map<String, String> params) {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= FrontPicks.MAX_TOP; i++) {
            rows.add(new Row(i, params.getOrDefault("top-" + i, "").strip(),
                    params.getOrDefault("order-" + i, "").strip()));
        }
        Map<Long, String> pins = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("pin-")) {
                try {
                    pins.put(Long.parseLong(name.substring(4)), value.strip());
                } catch (NumberFormatException e) {
                    // not a section this form ever showed; ignored
                }
            }
        });
        return new FrontForm(params.getOrDefault("lead", "").strip(), rows, pins, Map.of());
    }

    FrontForm withErrors(Map<String, String> problems) {
        return new FrontForm(lead, rows, pins, problems);
    }

    public String pin(long sectionId) {
        return pins.getOrDefault(sectionId, "");
    }

    public String error(String field) {
        return errors.get(field);
    }
}
