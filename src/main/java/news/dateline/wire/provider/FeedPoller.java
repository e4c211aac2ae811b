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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
 * folder ({@link WireIngest#takeDocument}). A page that names the next one ({@link FeedPage}) is followed, up to
 * {@link #MAX_PAGES} in one poll, and where a poll stopped is saved with the provider (the last page, or the next
 * link after a page with nothing in it), so the next poll, on this node after a restart or on another, starts
 * there; only that first page is asked conditionally. A failure (no answer, a status other than 200 or 304) doubles the wait
 * before the next poll, up to an hour. Polls run on two threads of their own, so the shared scheduler thread only
 * hands them out; a provider still being polled is not polled again.
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACK_OFF = Duration.ofHours(1);
    private static final int PICTURE_BYTES = 64 * 1024 * 1024;
    /** Pages followed in one poll; the rest is fetched by the next poll, due at once. */
    static final int MAX_PAGES = 10;

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
        URI feed = URI.create(provider.url());
        URI page = provider.position() == null || provider.position().isBlank() ? feed
                : URI.create(provider.position());
        Optional<String> authorization = authorization(provider);
        String etag = provider.etag();
        String lastModified = provider.lastModified();
        int pages = 0;
        List<String> refusals = new ArrayList<>();
        try {
            while (true) {
                HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(TIMEOUT).GET()
                        .header("Accept", "application/json, application/xml;q=0.9, application/rss+xml;q=0.9, "
                                + "application/atom+xml;q=0.9, */*;q=0.1")
                        .header("User-Agent", "Dateline wire desk");
                if (pages == 0 && etag != null && !etag.isBlank()) {
                    request.header("If-None-Match", etag);
                }
                if (pages == 0 && lastModified != null && !lastModified.isBlank()) {
                    request.header("If-Modified-Since", lastModified);
                }
                authorization.ifPresent(value -> request.header("Authorization", value));
                HttpResponse<InputStream> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 304) {
                        done(provider, feed, page, etag, lastModified, pages, refusals, started, false);
                        return;
                    }
                    if (response.statusCode() != 200) {
                        failed(provider, started, "HTTP " + response.statusCode() + (pages > 0 ? " on page "
                                + (pages + 1) : ""), feed, page, pages == 0 ? etag : null,
                                pages == 0 ? lastModified : null);
                        return;
                    }
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    FeedPage read = FeedPage.read(bytes, response.headers().allValues("Link"), page);
                    pages++;
                    if (!read.empty()) {
                        URI from = page;
                        ingest.takeDocument(provider.id(), sourceName(page), read.document(), started, page,
                                        address -> picture(address, from, authorization))
                                .ifPresent(refusals::add);
                    }
                    etag = response.headers().firstValue("ETag").orElse(null);
                    lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                    URI next = read.next();
                    if (next != null && !sameOrigin(feed, next)) {
                        log.warn("Wire {}: a next-page link to another host ({}) is not followed",
                                provider.name(), next.getHost());
                        refusals.add("a next-page link to another host is not followed");
                        next = null;
                    }
                    if (next == null || next.equals(page)) {
                        // The last page so far: the next poll asks for it again, conditionally.
                        done(provider, feed, page, etag, lastModified, pages, refusals, started, false);
                        return;
                    }
                    if (read.empty() || pages >= MAX_PAGES) {
                        // Nothing here yet, or enough for one poll: the next poll starts from the next page.
                        done(provider, feed, next, null, null, pages, refusals, started, !read.empty());
                        return;
                    }
                    page = next;
                }
            }
        } catch (IOException e) {
            failed(provider, started, e instanceof java.net.http.HttpTimeoutException ? "no answer within "
                    + TIMEOUT.toSeconds() + " s" : "not reachable (" + e.getClass().getSimpleName() + ")", feed,
                    page, pages == 0 ? etag : null, pages == 0 ? lastModified : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A poll that got its answers: where the next one starts, and when (at once when pages are left over). */
    private void done(FeedProviders.Row provider, URI feed, URI position, String etag, String lastModified,
            int pages, List<String> refusals, Instant started, boolean more) {
        String note = pages == 0 ? "not modified"
                : (refusals.isEmpty() ? "taken" : "refused: " + String.join("; ", refusals))
                        + (pages > 1 ? " (" + pages + " pages)" : "");
        if (more) {
            note += "; more pages next poll";
        }
        providers.polled(provider.id(), position.equals(feed) ? null : position.toString(), etag, lastModified,
                0, note, more ? started : started.plusSeconds(provider.pollSeconds()));
    }

    private void failed(FeedProviders.Row provider, Instant at, String note, URI feed, URI position, String etag,
            String lastModified) {
        int failures = provider.failures() + 1;
        Duration wait = Duration.ofSeconds(provider.pollSeconds()).multipliedBy(1L << Math.min(failures, 10));
        wait = wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
        log.warn("Wire {}: poll failed ({}), {} in a row; next try in {} s", provider.name(), note, failures,
                wait.toSeconds());
        providers.polled(provider.id(), position.equals(feed) ? null : position.toString(), etag, lastModified,
                failures, "failed: " + note + " (" + failures + " in a row); next try in " + wait.toSeconds()
                        + " s", at.plus(wait));
    }

    /** Credentials go only where the admin pointed the provider: a next page elsewhere is not fetched. */
    /**
     * A picture item's rendition, by this feed's client: the same timeout, at most 64 MB, and the provider's
     * credential only to the feed's own scheme, host and port (never to a picture host elsewhere).
     */
    private byte[] picture(URI address, URI page, Optional<String> authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(TIMEOUT).GET()
                .header("Accept", "image/*").header("User-Agent", "Dateline wire desk");
        if (sameOrigin(page, address)) {
            authorization.ifPresent(value -> request.header("Authorization", value));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(PICTURE_BYTES + 1);
                if (bytes.length > PICTURE_BYTES) {
                    throw new IOException("larger than " + (PICTURE_BYTES >> 20) + " MB");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static boolean sameOrigin(URI feed, URI next) {
        return feed.getScheme().equalsIgnoreCase(next.getScheme())
                && feed.getHost().equalsIgnoreCase(String.valueOf(next.getHost()))
                && port(feed) == port(next);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
    private static String sourceName(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        polls.shutdownNow();
    }
}
