package news.dateline.mail;

/** One mail as the mail screen lists it: times already in the newsroom's time zone; {@code id} for Retry. */
public record OutboxLine(String id, String to, String subject, int attempts, String lastError, String queued, String next) {
}
