package news.dateline.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: woken after each commit that queued a mail, and every
 * {@code dateline.mail.poll-interval} for retries and for mails other nodes queued. A failed attempt waits
 * {@code first-retry}, then twice as long each time (at most {@code max-retry}); after {@code max-attempts} the
 * mail is marked failed and the newsroom's mail screen lists it. Several nodes may run this at once: each mail is
 * claimed by one conditional update before it is sent.
 */
@Component
class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final OutboxRepository repository;
    private final MailTransport transport;
    private final MailProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox").factory());

    OutboxWorker(OutboxRepository repository, MailTransport transport, MailProperties properties, Clock clock) {
        this.repository = repository;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
    }

    /** After a commit that queued a mail: send it now, not at the next round. */
    void wake() {
        wakeups.execute(this::deliverDue);
    }

    @Scheduled(fixedDelayString = "${dateline.mail.poll-interval:5s}",
            initialDelayString = "${dateline.mail.poll-interval:5s}")
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true); // the running round may have read the outbox before this mail was committed
            return;
        }
        try {
            do {
                again.set(false);
                deliverBatch();
            } while (again.get());
        } catch (DataAccessException e) {
            log.warn("Could not read the mail outbox ({}); trying again next round", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private void deliverBatch() {
        long now = clock.millis();
        for (OutboxRepository.StoredMail stored : repository.due(now, BATCH)) {
            if (!repository.claim(stored.id(), stored.nextAttemptAt(), now + LEASE.toMillis())) {
                continue; // another node has it
            }
            try {
                transport.send(stored.mail());
                repository.sent(stored.id(), clock.millis());
                log.info("Sent mail {} (attempt {})", stored.id(), stored.attempts() + 1);
            } catch (Exception e) {
                int attempts = stored.attempts() + 1;
                Long next = attempts >= properties.maxAttempts() ? null : clock.millis() + delayAfter(attempts);
                String error = describe(e);
                repository.failedAttempt(stored.id(), error, next);
                if (next == null) {
                    log.error("Mail {} failed after {} attempts, not retried: {}", stored.id(), attempts, error);
                } else {
                    log.warn("Mail {} not sent (attempt {}): {}; next attempt in {} ms", stored.id(), attempts,
                            error, next - clock.millis());
                }
            }
        }
    }

    /** firstRetry, 2 × firstRetry, 4 × … up to maxRetry. */
    long delayAfter(int attempts) {
        long max = properties.maxRetry().toMillis();
        long delay = properties.firstRetry().toMillis();
        for (int n = 1; n < attempts && delay < max; n++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }

    /** The exception's kind and message, which never hold the SMTP password; the innermost cause says most. */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @Override
    public void destroy() {
        wakeups.shutdownNow();
    }
}
