package news.dateline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import news.dateline.platform.DataProperties;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wire desk's screens with something on them, for the checks that look at every screen (axe, the Nu Html
 * Checker): an item on the desk, used for a story, and a newer version of it, so the preview and the story's
 * editor show the update's diff.
 */
public final class WireScreens {

    /** The item on the desk and the story made from it, which has an update waiting. */
    public record Prepared(long itemId, long articleId) {
    }

    private WireScreens() {
    }

    public static Prepared withAnUpdate(RunningSite site) {
        String word = "Screens" + System.nanoTime();
        String uri = "urn:newsml:screens.example:" + word;
        Path incoming = site.bean(DataProperties.class).dir().resolve("wire").resolve("incoming");
        drop(incoming, word + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 2, word + " bridge closed by wind",
                "BERGEN", null));
        long itemId = WireEditor.itemId(site, uri);
        long articleId = WireEditor.use(NewsroomForms.as(site, "editor"), itemId);
        drop(incoming, word + "-v2.json", WireFiles.ninjs2(uri, 2, "usable", 2, word + " bridge reopens",
                "BERGEN", null));
        if (site.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM wire_version WHERE item_id = :id")
                .param("id", itemId).query(Long.class).single() != 2) {
            throw new AssertionError("version 2 of " + uri + " was not stored");
        }
        return new Prepared(itemId, articleId);
    }

    private static void drop(Path incoming, String name, String content) {
        try {
            Files.createDirectories(incoming);
            Path part = Files.writeString(incoming.resolve(name + ".part"), content);
            WireFolder.awaitTaken(Files.move(part, incoming.resolve(name), StandardCopyOption.ATOMIC_MOVE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
