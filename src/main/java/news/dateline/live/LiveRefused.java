package news.dateline.live;

/** A live-coverage change that was not made, with the reason a staff member reads. */
public class LiveRefused extends RuntimeException {

    public enum Why {
        NOT_FOUND, FORBIDDEN, INVALID
    }

    private final Why why;

    LiveRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
