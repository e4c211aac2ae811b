package news.dateline.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

@Component
public class Moments {

    private volatile DateTimeFormatter human;

    Moments(SiteProperties site) {
        useZone(site.timeZone());
    }

    /** The site's time zone as its settings say now (settings.SiteSettings), without a restart. */
    public void useZone(ZoneId zone) {
        this.human = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
    }

    public Moment of(Instant instant) {
        if (instant == null) {
            return null;
        }
        return new Moment(DateTimeFormatter.ISO_INSTANT.format(instant), human.format(instant));
    }
}
