package news.dateline.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Times as the newsroom shows them, in the site's time zone. */
@Component
public class NewsroomTimes {

    private final ZoneId zone;
    private final DateTimeFormatter human;
    private final DateTimeFormatter clock;

    NewsroomTimes(SiteProperties site) {
        this.zone = site.timeZone();
        this.human = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public String human(Instant instant) {
        return instant == null ? "" : human.format(instant);
    }

    public String clock(Instant instant) {
        return clock.format(instant);
    }
}
