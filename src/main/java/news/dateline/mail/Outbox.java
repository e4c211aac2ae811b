package news.dateline.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to send a mail: it is stored in the caller's transaction, so the mail exists exactly when what
 * caused it (a reset link, an invitation) was committed, and an SMTP server that is away loses nothing. After
 * the commit the worker on this node is woken; the others find it on their next round (docs/mail.md).
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxWorker worker;
    private final Clock clock;

    Outbox(OutboxRepository repository, OutboxWorker worker, Clock clock) {
        this.repository = repository;
        this.worker = worker;
        this.clock = clock;
    }

    public void queue(Mail mail) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the mail could go out for something that was then rolled back, or not at all.
            throw new IllegalStateException("A mail is queued inside the transaction that causes it: " + mail.subject());
        }
        repository.insert(UUID.randomUUID().toString(), mail, clock.millis());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }

    /**
     * A mail that failed for good, queued again with a fresh round of attempts, in the caller's transaction (which
     * also records who asked); the worker is woken after the commit. The mail as it was, or empty when there is
     * no failed mail of that id (sent meanwhile, or retried already).
     */
    java.util.Optional<Mail> retry(String id) {
        java.util.Optional<OutboxRepository.StoredMail> stored = repository.find(id)
                .filter(mail -> mail.state().equals("failed"));
        if (stored.isEmpty() || !repository.retry(id, clock.millis())) {
            return java.util.Optional.empty();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return stored.map(OutboxRepository.StoredMail::mail);
    }

    /** Mails that will not be retried, newest first, for the newsroom's mail screen. */
    List<OutboxRepository.StoredMail> failed() {
        return repository.inState("failed", 100);
    }

    List<OutboxRepository.StoredMail> waiting() {
        return repository.inState("waiting", 100);
    }
}
