package news.dateline.wire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the poller reads a page's next link and items, as agencies' feeds send them. */
class FeedPageTest {

    private static final URI AT = URI.create("https://feed.example/v1/items?page=1");

    @Test
    void theNextLinkOfALinkHeaderAmongOthersIsFoundAndResolvedAgainstThePage() {
        FeedPage page = FeedPage.read(bytes("[]"), List.of(
                "<https://feed.example/v1/items?page=9>; rel=\"last\", </v1/items?page=2&a=b,c>; rel=\"prev next\""),
                AT);
        assertThat(page.next()).isEqualTo(URI.create("https://feed.example/v1/items?page=2&a=b,c"));
        assertThat(page.document()).as("taken as it came").isEqualTo(bytes("[]"));
    }

    @Test
    void anApStyleEnvelopeGivesItsItemsUnwrappedAndItsNextPage() {
        FeedPage page = FeedPage.read(bytes("""
                {"api_version": "2", "data": {"current_item_count": 2,
                  "next_page": "https://feed.example/v1/feed?seq=42",
                  "items": [{"meta": {"score": 1}, "item": {"uri": "urn:a", "version": 1}}, {"uri": "urn:b"}]}}"""),
                List.of(), AT);
        assertThat(new String(page.document(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"uri\":\"urn:a\",\"version\":1},{\"uri\":\"urn:b\"}]");
        assertThat(page.empty()).isFalse();
        assertThat(page.next()).isEqualTo(URI.create("https://feed.example/v1/feed?seq=42"));
    }

    @Test
    void anEmptyEnvelopeWithAnHrefNextIsEmptyAndANinjsItemIsNoEnvelope() {
        FeedPage empty = FeedPage.read(bytes("{\"items\": [], \"next\": {\"href\": \"?page=3\"}}"), List.of(), AT);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.next()).isEqualTo(URI.create("https://feed.example/v1/items?page=3"));

        String item = "{\"uri\": \"urn:c\", \"items\": [], \"next_page\": \"/elsewhere\"}";
        FeedPage single = FeedPage.read(bytes(item), List.of(), AT);
        assertThat(single.document()).isEqualTo(bytes(item));
        assertThat(single.next()).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
