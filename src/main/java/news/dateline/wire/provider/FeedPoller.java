package news.dateline.wire.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.dateline.wire.WireIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Polls each HTTP provider's feed when due: a conditional GET ({@code If-None-Match} with the last ETag,
 * {@code If-Modified-Since} with the last {@code Last-Modified}), with the provider's credential as
 * {@code Authorization} (opened from its seal only here, never logged), a timeout, and the intake's size limit
 * read no further than one byte past it. What comes back is read and stored by the same rules as a file in a
 * folder ({@link WireIngest#takeDocument}). A failure (no answer, a status other than 200 or 304) doubles the wait
 * before the next poll, up to an hour. Polls run on two threads of their own, so the shared scheduler thread only
 * hands them out; a provider still being polled is not polled again.
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    private final FeedProviders providers;
    private final ProviderSecrets secrets;
    private final WireIngest ingest;
    private final Clock clock;
    private final boolean intake;
    private final long maxBytes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ExecutorService polls = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("wire-feed-", 1).daemon().factory());
    private final Set<Long> polling = ConcurrentHashMap.newKeySet();

    FeedPoller(FeedProviders providers, ProviderSecrets secrets, WireIngest ingest, Clock clock,
            @Value("${dateline.wire.intake:true}") boolean intake,
            @Value("${dateline.wire.max-file-size:5MB}") DataSize maxFileSize) {
        this.providers = providers;
        this.secrets = secrets;
        this.ingest = ingest;
        this.clock = clock;
        this.intake = intake;
        this.maxBytes = maxFileSize.toBytes();
    }

    @Scheduled(fixedDelayString = "${dateline.wire.scan-interval:500ms}",
            initialDelayString = "${dateline.wire.scan-interval:500ms}")
    void pollDue() {
        if (!intake) {
            return;
        }
        try {
            for (FeedProviders.Row provider : providers.due(clock.instant())) {
                if (polling.add(provider.id())) {
                    polls.submit(() -> {
                        try {
                            poll(provider);
                        } catch (RuntimeException e) {
                            log.error("Wire {}: the poll failed", provider.name(), e);
                        } finally {
                            polling.remove(provider.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            log.error("Wire: could not read which feeds are due", e);
        }
    }

    void poll(FeedProviders.Row provider) {
        Instant started = clock.instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.url())).timeout(TIMEOUT).GET()
                .header("Accept", "application/json, application/xml;q=0.9, application/rss+xml;q=0.9, "
                        + "application/atom+xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "Dateline wire desk");
        if (provider.etag() != null && !provider.etag().isBlank()) {
            request.header("If-None-Match", provider.etag());
        }
        if (provider.lastModified() != null && !provider.lastModified().isBlank()) {
            request.header("If-Modified-Since", provider.lastModified());
        }
        authorization(provider).ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                Instant next = started.plusSeconds(provider.pollSeconds());
                if (response.statusCode() == 304) {
                    providers.polled(provider.id(), provider.etag(), provider.lastModified(), 0, "not modified", next);
                    return;
                }
                if (response.statusCode() != 200) {
                    failed(provider, started, "HTTP " + response.statusCode());
                    return;
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                Optional<String> refused = ingest.takeDocument(provider.id(), sourceName(provider), bytes, started);
                providers.polled(provider.id(), response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null), 0,
                        refused.map(reason -> "refused: " + reason).orElse("taken"), next);
            }
        } catch (IOException e) {
            failed(provider, started, e instanceof java.net.http.HttpTimeoutException ? "no answer within "
                    + TIMEOUT.toSeconds() + " s" : "not reachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(FeedProviders.Row provider, Instant at, String note) {
        int failures = provider.failures() + 1;
        Duration wait = Duration.ofSeconds(provider.pollSeconds()).multipliedBy(1L << Math.min(failures, 10));
        wait = wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
        log.warn("Wire {}: poll failed ({}), {} in a row; next try in {} s", provider.name(), note, failures,
                wait.toSeconds());
        providers.polled(provider.id(), provider.etag(), provider.lastModified(), failures, "failed: " + note,
                at.plus(wait));
    }

    /** "user:password" is sent as Basic; "Scheme value" as it is; a bare token as Bearer. */
    private Optional<String> authorization(FeedProviders.Row provider) {
        String credential = secrets.open(provider.name(), provider.credentialSealed());
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        if (credential.contains(" ")) {
            return Optional.of(credential);
        }
        if (credential.contains(":")) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.of("Bearer " + credential);
    }

    /** The address without its query (which may carry a key), as the event log's source name. */
    private static String sourceName(FeedProviders.Row provider) {
        URI uri = URI.create(provider.url());
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        polls.shutdownNow();
    }
}
