package news.dateline.comment;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import news.dateline.platform.DataProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the comment feature's write transactions. PostgreSQL takes them concurrently, one transaction each.
 *
 * <p>SQLite has one writer at a time, and left to itself a waiting writer sleeps in the driver's busy handler, in
 * native code, pinning one of the two carrier threads of the virtual threads that serve every request. So on SQLite
 * one platform thread does all comment writes: it takes whatever is waiting (up to {@value #MAX_BATCH}) and commits
 * it in one transaction, each piece inside its own savepoint so that one failure fails only its own request. A
 * request returns only after the commit that holds its work, so nothing it acknowledges can be lost, and under load
 * a hundred comments cost one commit instead of a hundred lock hand-overs.
 */
@Component
public class WriteQueue {

    static final int MAX_BATCH = 128;

    private record Job(Supplier<?> work, CompletableFuture<Object> done) {
    }

    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    WriteQueue(PlatformTransactionManager transactions, DataProperties data) {
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writer = data.usesSqlite()
                ? Thread.ofPlatform().name("comment-writer").daemon().start(this::writeBatches)
                : null;
    }

    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Supplier<T> work) {
        if (writer == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            // A caller already in a transaction (the editor saving a story with its comment settings) holds the
            // write lock: the work joins that transaction, since the writer thread would wait for it in vain.
            return transaction.execute(status -> work.get());
        }
        Job job = new Job(work, new CompletableFuture<>());
        queue.add(job);
        try {
            return (T) job.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeBatches() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
        queue.forEach(job -> job.done().completeExceptionally(new IllegalStateException("Shutting down")));
    }

    private void write(List<Job> batch) {
        Object[] results = new Object[batch.size()];
        RuntimeException[] failures = new RuntimeException[batch.size()];
        try {
            transaction.executeWithoutResult(outer -> {
                for (int i = 0; i < batch.size(); i++) {
                    Job job = batch.get(i);
                    try {
                        results[i] = savepoint.execute(inner -> job.work().get());
                    } catch (RuntimeException e) {
                        failures[i] = e;
                    }
                }
            });
        } catch (RuntimeException commitFailed) {
            batch.forEach(job -> job.done().completeExceptionally(commitFailed));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) {
                batch.get(i).done().completeExceptionally(failures[i]);
            } else {
                batch.get(i).done().complete(results[i]);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.interrupt();
        }
    }
}
