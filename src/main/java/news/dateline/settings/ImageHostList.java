package news.dateline.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteChanged;
import news.dateline.platform.images.ImageHost;
import news.dateline.platform.images.ImageHosts;
import org.springframework.stereotype.Component;

/**
 * The outside image hosts, a setting like the others ({@code image-hosts} in {@code site_setting}, one host a line):
 * typed by an admin at {@code /newsroom/settings}, added to by a WordPress import that leaves its posts' pictures
 * where they are. Read from the settings in memory (so once per change, not per response); a change is recorded as
 * {@link SiteChanged.Kind#SETTINGS}, so every node reloads the list and empties its page cache, whose pages carry
 * the policy they were drawn with. A setting, not an environment variable, because an import must be able to add
 * to it while the site runs, and every node must follow.
 */
@Component
class ImageHostList implements ImageHosts {

    static final String NOT_A_HOST = "Each line must be one host, such as photos.example.org (pictures come over https): "
            + "no *, no path, no port. Not a host: %s";
    static final String TOO_MANY = "At most %d hosts.";
    static final int MAX_HOSTS = 50;

    private final SiteSettings settings;
    private final SettingsRepository stored;
    private final ChangeLog changes;

    ImageHostList(SiteSettings settings, SettingsRepository stored, ChangeLog changes) {
        this.settings = settings;
        this.stored = stored;
        this.changes = changes;
    }

    @Override
    public List<String> allowed() {
        return settings.current().imageHosts();
    }

    @Override
    public List<String> allow(Collection<String> hosts) {
        Set<String> all = new LinkedHashSet<>(parse(stored.all().getOrDefault(SiteSettings.IMAGE_HOSTS, "")));
        List<String> added = new ArrayList<>();
        for (String typed : hosts) {
            ImageHost.parse(typed).filter(all::add).ifPresent(added::add);
        }
        if (!added.isEmpty()) {
            stored.put(SiteSettings.IMAGE_HOSTS, String.join("\n", all));
            changes.record(new SiteChanged(SiteChanged.Kind.SETTINGS));
        }
        return added;
    }

    /** The stored list: each line that is a host (a line that no longer parses is left out, never sent). */
    static List<String> parse(String lines) {
        return lines.lines().map(ImageHost::parse).flatMap(Optional::stream).distinct().toList();
    }

    /** The form's list, each line checked; the first line that is no host is named beside the field. */
    static void check(String typed, Map<String, String> values, Map<String, String> problems) {
        List<String> hosts = new ArrayList<>();
        for (String line : (typed == null ? "" : typed).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Optional<String> host = ImageHost.parse(line);
            if (host.isEmpty()) {
                problems.put(SiteSettings.IMAGE_HOSTS, NOT_A_HOST.formatted(line.length() > 80
                        ? line.substring(0, 80) + "…" : line));
                return;
            }
            if (!hosts.contains(host.get())) {
                hosts.add(host.get());
            }
        }
        if (hosts.size() > MAX_HOSTS) {
            problems.put(SiteSettings.IMAGE_HOSTS, TOO_MANY.formatted(MAX_HOSTS));
            return;
        }
        values.put(SiteSettings.IMAGE_HOSTS, String.join("\n", hosts));
    }
}
