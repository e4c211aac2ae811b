package news.dateline.front;

import java.util.List;
import java.util.Map;

/** The banner form as typed (message, link, how long it runs in minutes), with each field's problem. */
public record BannerForm(String message, String link, String minutes, Map<String, String> errors) {

    /** How long a banner may run, in minutes, as the form offers it; two hours unless the editor says otherwise. */
    public static final List<Integer> DURATIONS = List.of(15, 30, 60, 120, 240, 480, 720, 1440);
    public static final String DEFAULT_MINUTES = "120";

    static BannerForm blank() {
        return new BannerForm("", "", DEFAULT_MINUTES, Map.of());
    }

    BannerForm withErrors(Map<String, String> problems) {
        return new BannerForm(message, link, minutes, problems);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** "2 hours", "30 minutes": how the choice reads. */
    public static String label(int minutes) {
        if (minutes < 60) {
            return minutes + " minutes";
        }
        int hours = minutes / 60;
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
