package news.dateline.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The feeds a story appears in, by its section, tags and bylines: what a hub must hear about when it changes. */
record WebSubTopics(boolean published, String sectionSlug, List<String> tagSlugs, List<String> authorSlugs) {

    /** Every format of the site's feed and of the story's section, tag and author feeds. */
    List<String> feedPaths() {
        List<String> scopes = new ArrayList<>();
        scopes.add("");
        scopes.add("/" + sectionSlug);
        tagSlugs.forEach(tag -> scopes.add("/tag/" + tag));
        authorSlugs.forEach(author -> scopes.add("/author/" + author));
        return scopes.stream()
                .flatMap(scope -> Arrays.stream(FeedFormat.values()).map(format -> format.pathUnder(scope)))
                .toList();
    }
}
