package news.dateline.newsroom;

public record DashboardCounts(long drafts, long scheduled, long published, long pendingComments, long pendingUpdates) {
}
