package news.dateline.interchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading WordPress's field values: numbers and "yyyy-MM-dd HH:mm:ss" dates. */
final class WxrFields {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WxrFields() {
    }

    /**
     * The GMT date when WordPress recorded one (drafts often have none), else the local date taken as UTC; null
     * when there is neither. A date that is there but unreadable is a bad field.
     */
    static Instant date(String gmt, String local) {
        for (String text : List.of(gmt.strip(), local.strip())) {
            if (text.isEmpty() || text.startsWith("0000-00-00")) {
                continue;
            }
            try {
                return LocalDateTime.parse(text, WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new BadField("bad date '" + text + "'");
            }
        }
        return null;
    }

    static long wpNumber(String text, String what) {
        Long number = number(text);
        if (number == null) {
            throw new BadField("bad " + what + " '" + text.strip() + "'");
        }
        return number;
    }

    static Long number(String text) {
        try {
            return text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A field WordPress wrote that we cannot take: the post is skipped with this reason. */
    static final class BadField extends RuntimeException {
        BadField(String reason) {
            super(reason);
        }
    }
}
