package news.dateline.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a write that could not be done because the database was busy or out of reach (another writer held the
 * lock past our patience, a PostgreSQL lock timeout, a restarted server) from a bug. Such a write stored nothing,
 * so the person is told exactly that and asked to try again: 503 with {@code Retry-After}, never a 500.
 */
public final class StoreBusy {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    public static final String MESSAGE = "Nothing was saved: the site is busy. Please try again in a few seconds.";

    /** SQLITE_BUSY and SQLITE_LOCKED, also as extended codes (the low byte is the primary code). */
    private static final Set<Integer> SQLITE_BUSY_CODES = Set.of(5, 6);
    /** lock_not_available, serialization_failure, deadlock_detected, query_canceled (a timeout), admin/crash shutdown. */
    private static final Set<String> POSTGRES_BUSY_STATES = Set.of("55P03", "40001", "40P01", "57014", "57P01",
            "57P02", "57P03");

    private StoreBusy() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof PessimisticLockingFailureException
                    || t instanceof QueryTimeoutException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && isBusy(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static String retryAfterSeconds() {
        return Long.toString(RETRY_AFTER.toSeconds());
    }

    private static boolean isBusy(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || POSTGRES_BUSY_STATES.contains(state))) {
            return true;
        }
        String vendor = sql.getClass().getName();
        return vendor.startsWith("org.sqlite.") && SQLITE_BUSY_CODES.contains(sql.getErrorCode() & 0xff);
    }
}
