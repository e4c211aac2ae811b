package news.dateline.wire.desk;

/**
 * A flash, alert or urgent item (urgency 1 to 3) was stored: published inside the intake's transaction, pushed to
 * open desks once it commits ({@link DeskStreams}).
 */
public record WireFlash(long itemId, String provider, int urgency, String headline, String slugline, String located,
        String version) {

    /** Urgencies pushed to open desks: 1 flash, 2 alert, 3 urgent. */
    public static boolean pushed(Integer urgency) {
        return urgency != null && urgency >= 1 && urgency <= 3;
    }
}
