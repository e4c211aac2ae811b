package news.dateline.platform;

/** A point in time as a page shows it: machine-readable for {@code <time datetime>} and for people. */
public record Moment(String iso, String human) {
}
