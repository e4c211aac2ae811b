package news.dateline.story.withdrawal;

import java.util.Optional;

/**
 * Stories taken down for good by someone outside the newsroom's editing (today: an agency's kill notice, carried
 * out by the wire desk). The article page asks here before answering 404: a withdrawn story's address answers
 * {@code 410 Gone} with a short notice instead, and nothing of the story. Implemented by {@code wire}, which story
 * and site may not use; the same shape as {@code story.CommentSettingsDesk}.
 */
public interface WithdrawnStories {

    /** The notice readers see at {@code /{section}/{slug}} when the story there was withdrawn; empty otherwise. */
    Optional<String> noticeAt(String sectionSlug, String slug);

    /** The withdrawn story at {@code /{section}/{slug}}: its id, so the 410 names the story's cache key. */
    default Optional<Long> articleAt(String sectionSlug, String slug) {
        return Optional.empty();
    }

    /** The notice for the story's open pages (its live readers) when it was withdrawn; empty otherwise. */
    default Optional<String> notice(long articleId) {
        return Optional.empty();
    }
}
