package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Picture items as the readers understand them (the IPTC examples), and where a folder provider's picture may be. */
class WirePicturesReadTest {

    private final WireReaders readers = new WireReaders(new WireProperties(true, java.time.Duration.ofSeconds(1),
            DataSize.ofMegabytes(5), 200));

    @Test
    void theIptcPictureExamplesNameTheirLargestRenditionCreditRightsAndCaption() throws Exception {
        IptcExamples.assumePresent();
        WireItem ap = one("2.1/ap_image.json");
        assertThat(ap.isPicture()).isTrue();
        WirePicture.Rendition best = ap.picture().best().orElseThrow();
        assertThat(best.name()).isEqualTo("main");
        assertThat(best.width()).isEqualTo(3000);
        assertThat(ap.picture().credit()).isEqualTo("ASSOCIATED PRESS");
        assertThat(ap.picture().caption()).startsWith("FILE - In this Monday, Nov. 11, 2019 file photo");
        assertThat(ap.picture().copyright()).startsWith("This content is intended for editorial use only.");

        WireItem sipa = one("3.0/SIPA_image_3.json");
        assertThat(sipa.picture().best().orElseThrow().name()).isEqualTo("supplied");
        assertThat(sipa.picture().credit()).isEqualTo("Insidefoto");
        assertThat(sipa.picture().copyright()).isEqualTo("SIPA USA/PA Images. *** World Rights Except Italy ***");
        assertThat(sipa.picture().caption()).startsWith("Demonstration of the workers of congresses");

        WireItem simple = one("1.4/ninjsExSimplePhoto1.json");
        assertThat(simple.picture().best().orElseThrow().width()).isEqualTo(429);
        assertThat(simple.picture().credit()).isEqualTo("Paulo Santalucia");
        assertThat(simple.picture().caption()).startsWith("The Costa Concordia cruise ship lies on its side");

        // AP's NITF caption rendition is no image; TT's text item names its picture by uri.
        assertThat(one("3.0/ap_image.json").picture().renditions()).extracting(WirePicture.Rendition::isImage)
                .containsExactly(true, true, true, false);
        assertThat(one("3.0/tt_text_image_3.json").associated()).containsExactly("http://tt.se/media/image/sdlk2sirkPaauM");
    }

    @Test
    void aNewsMlG2TextItemAssociatesThePicturesItLinksToAsSeeAlso() throws Exception {
        WireItem text = readers.read("""
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:text" version="1" standard="NewsML-G2">
                  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-12-01T09:30:00Z</versionCreated>
                    <link rel="irel:seeAlso" residref="urn:x:picture" contenttype="image/jpeg"/></itemMeta>
                  <contentMeta><headline>Text</headline></contentMeta>
                </newsItem>""".getBytes(StandardCharsets.UTF_8)).getFirst();
        assertThat(text.associated()).containsExactly("urn:x:picture");
    }

    @Test
    void aFolderProviderTakesOnlyPicturesInItsOwnFolder(@TempDir Path root) throws Exception {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Files.write(incoming.resolve("a photo.jpg"), new byte[] {1, 2, 3});
        Files.write(root.resolve("secret.jpg"), new byte[] {4});
        WirePictures.Fetcher folder = WirePictures.folder(incoming);

        assertThat(folder.fetch("a%20photo.jpg").bytes()).containsExactly(1, 2, 3);
        assertThat(folder.fetch("a photo.jpg").local()).isEqualTo(incoming.toRealPath().resolve("a photo.jpg"));
        assertThat(folder.fetch(incoming.resolve("a photo.jpg").toUri().toString()).name()).isEqualTo("a photo.jpg");
        assertThatThrownBy(() -> folder.fetch("../secret.jpg")).hasMessageContaining("outside the provider's folder");
        assertThatThrownBy(() -> folder.fetch(root.resolve("secret.jpg").toUri().toString()))
                .hasMessageContaining("outside the provider's folder");
        assertThatThrownBy(() -> folder.fetch("https://example.com/x.jpg"))
                .hasMessageContaining("is not a file beside the item");
        assertThatThrownBy(() -> folder.fetch("gone.jpg")).hasMessageContaining("\"gone.jpg\"")
                .hasMessageContaining("not in the folder");
        Files.createSymbolicLink(incoming.resolve("link.jpg"), root.resolve("secret.jpg"));
        assertThatThrownBy(() -> folder.fetch("link.jpg")).hasMessageContaining("outside the provider's folder");
    }

    private WireItem one(String example) throws Exception {
        return readers.read(Files.readAllBytes(IptcExamples.ROOT.resolve(example))).getFirst();
    }
}
