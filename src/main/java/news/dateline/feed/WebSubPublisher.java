package news.dateline.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import news.dateline.platform.change.StoryChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the WebSub hub (W3C WebSub §7, "publish") which feeds changed once a story change is committed,
 * so subscribers get it in seconds instead of at their next poll. It runs on the application's task
 * executor: a slow or broken hub delays nothing and fails nothing; it is only logged.
 */
@Component
class WebSubPublisher {

    private static final Logger log = LoggerFactory.getLogger(WebSubPublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FeedProperties settings;
    private final FeedRepository stories;
    private final SiteUrls urls;
    private final Executor executor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    WebSubPublisher(FeedProperties settings, FeedRepository stories, SiteUrls urls,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.settings = settings;
        this.stories = stories;
        this.urls = urls;
        this.executor = executor;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void storyChanged(StoryChanged change) {
        if (!settings.websubEnabled()) {
            return;
        }
        executor.execute(() -> {
            try {
                publish(change);
            } catch (RuntimeException e) {
                log.warn("WebSub: could not tell {} about story {}: {}", settings.websubHub(), change.articleId(),
                        e.toString());
            }
        });
    }

    private void publish(StoryChanged change) {
        WebSubTopics topics = stories.topicsOf(change.articleId()).orElse(null);
        // A draft's edits change no feed; a story leaving publication does.
        if (topics == null || !topics.published() && !change.kind().mayChangePublication()) {
            return;
        }
        List<String> paths = topics.feedPaths();
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            try {
                String refused = ping(urls.of(path));
                if (refused != null) {
                    failures.add(refused);
                }
            } catch (IOException e) {
                // Unreachable: the other pings would wait out the same time-out.
                failures.add(e + " for " + urls.of(path));
                break;
            }
        }
        if (!failures.isEmpty()) {
            log.warn("WebSub: pinging {} about story {} ({} feeds) failed {} time(s); first: {}", settings.websubHub(),
                    change.articleId(), paths.size(), failures.size(), failures.getFirst());
        }
    }

    /** Null when the hub took it, else what it answered. */
    private String ping(String topic) throws IOException {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.websubHub()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status + " for " + topic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
