package news.dateline.wire.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.OperationsNotes;
import org.springframework.stereotype.Component;

/**
 * A provider that has sent nothing for longer than its expected interval ({@code expected_minutes}, 0 for none)
 * is silent: the admins' dashboard says so (an {@link OperationsNotes} line) and so does the desk, beside the
 * provider. "Sent" is an item or file received, duplicates included; a provider that never sent anything counts
 * from when it was added.
 */
@Component
public class ProviderSilence implements OperationsNotes {

    private final FeedProviders providers;
    private final Clock clock;

    ProviderSilence(FeedProviders providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    /** Provider id to the warning the desk shows beside it. */
    public Map<Long, String> silent() {
        Instant now = clock.instant();
        Map<Long, String> silent = new LinkedHashMap<>();
        for (FeedProviders.Row provider : providers.all()) {
            if (!provider.enabled() || provider.expectedMinutes() <= 0) {
                continue;
            }
            Instant last = provider.lastReceivedAt() != null ? provider.lastReceivedAt() : provider.createdAt();
            long minutes = Duration.between(last, now).toMinutes();
            if (minutes > provider.expectedMinutes()) {
                silent.put(provider.id(), "silent for " + minutes + " min (expected every "
                        + provider.expectedMinutes() + " min)");
            }
        }
        return silent;
    }

    @Override
    public List<Note> notes() {
        Map<Long, String> silent = silent();
        if (silent.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        providers.all().forEach(p -> names.put(p.id(), p.name()));
        return silent.entrySet().stream()
                .map(e -> new Note(true, "Wire provider " + names.get(e.getKey()) + " has sent nothing: "
                        + e.getValue() + "."))
                .toList();
    }
}
