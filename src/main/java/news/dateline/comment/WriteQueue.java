package news.dateline.comment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import news.dateline.platform.DataProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs comment write transactions. SQLite has one writer at a time; left to itself a waiting writer sleeps inside
 * the driver's busy handler, in native code, which pins a virtual thread's carrier (two carriers on two cores) and
 * stalls every request. So on SQLite writers queue here, on a fair lock that parks them cheaply, and reach the
 * database one at a time. PostgreSQL takes them concurrently.
 */
@Component
class WriteQueue {

    private final TransactionTemplate transaction;
    private final ReentrantLock sqliteWriter;

    WriteQueue(TransactionTemplate transaction, DataProperties data) {
        this.transaction = transaction;
        this.sqliteWriter = data.usesSqlite() ? new ReentrantLock(true) : null;
    }

    <T> T inTransaction(Supplier<T> work) {
        if (sqliteWriter == null) {
            return transaction.execute(status -> work.get());
        }
        sqliteWriter.lock();
        try {
            return transaction.execute(status -> work.get());
        } finally {
            sqliteWriter.unlock();
        }
    }
}
