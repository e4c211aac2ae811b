package news.dateline.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Times as the newsroom shows them, in the site's time zone. */
@Component
public class NewsroomTimes {

    private volatile ZoneId zone;
    private volatile DateTimeFormatter human;
    private volatile DateTimeFormatter clock;

    NewsroomTimes(SiteProperties site) {
        useZone(site.timeZone());
    }

    /** The site's time zone as its settings say now (settings.SiteSettings), without a restart. */
    public void useZone(ZoneId zone) {
        this.human = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(zone);
        this.zone = zone;
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
