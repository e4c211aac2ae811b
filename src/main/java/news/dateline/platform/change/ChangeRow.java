package news.dateline.platform.change;

/** One row of {@code change_log}: the article it is about (none for site-wide changes), its kind, a live entry. */
public record ChangeRow(Long articleId, String kind, Long entryId) {
}
