package news.dateline.story;

public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ArticleStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
