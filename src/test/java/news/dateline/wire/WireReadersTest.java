package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The readers on their own: the IPTC examples, the field mapping, and the files they must refuse. */
class WireReadersTest {

    private final WireReaders readers = new WireReaders(new WireProperties(true, java.time.Duration.ofSeconds(1),
            DataSize.ofMegabytes(5), 200));

    @Test
    void everyIptcExampleIsReadAsValidNinjsOrNewsMl() throws Exception {
        IptcExamples.assumePresent();
        StringBuilder failures = new StringBuilder();
        for (Path file : IptcExamples.all()) {
            if (file.startsWith(IptcExamples.COLLECTION)) {
                continue;
            }
            try {
                List<WireItem> items = readers.read(Files.readAllBytes(file));
                assertThat(items).as(file.toString()).isNotEmpty().allSatisfy(i -> assertThat(i.guid()).isNotBlank());
            } catch (BadWireFile bad) {
                failures.append(file).append(": ").append(bad.report()).append('\n');
            }
        }
        assertThat(failures.toString()).isEmpty();
    }

    /** The event timeline sample in the IPTC repository does not pass its own schema: it is refused, and says where. */
    @Test
    void theEventTimelineCollectionFailsTheNinjs3SchemaAtItsFirstEvent() throws Exception {
        IptcExamples.assumePresent();
        assertThatThrownBy(() -> readers.read(Files.readAllBytes(IptcExamples.COLLECTION
                .resolve("20231016-event-timeline-sample.json"))))
                .isInstanceOf(BadWireFile.class).hasMessageStartingWith("not valid ninjs 3.x: object found, array expected")
                .satisfies(e -> assertThat(((BadWireFile) e).where()).isEqualTo("field /0/events"));
    }

    @Test
    void ninjsFieldsOfEachGenerationMapToTheDesk() throws Exception {
        IptcExamples.assumePresent();
        WireItem one = read("1.4/ninjsExComplex1.json");
        assertThat(one.format()).isEqualTo("ninjs 1");
        assertThat(one.headline()).isNotBlank();
        assertThat(one.bodyHtml()).startsWith("<p>");
        assertThat(one.byline()).isNotBlank();

        WireItem dpa = read("2.1/dpa_text.json");
        assertThat(dpa.format()).isEqualTo("ninjs 2");
        assertThat(dpa.headline()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
        assertThat(dpa.versionNumber()).isEqualTo(2L);
        assertThat(dpa.urgency()).isEqualTo(4);
        assertThat(dpa.byline()).isEqualTo("Von Christian Hollmann, dpa");
        assertThat(dpa.credit()).isEqualTo("dpa");
        assertThat(dpa.bodyHtml()).contains("<p>Für Lucien Favre war es «der größte Skandal");

        WireItem tt = read("3.0/tt_text_image_3.json");
        assertThat(tt.format()).isEqualTo("ninjs 3");
        assertThat(tt.slugline()).isNotBlank();
        assertThat(tt.headline()).isNotBlank();

        WireItem newsMl = read("NewsML/businesswire-newsml-20130515006361.xml");
        assertThat(newsMl.format()).isEqualTo("NewsML 1.2");
        assertThat(newsMl.guid()).isEqualTo("urn:newsml:businesswire.com:20010714:20130515006361");
        assertThat(newsMl.versionNumber()).isEqualTo(1L);
        assertThat(newsMl.headline()).startsWith("Dell Redefines Workstation Computing Boundaries");
        assertThat(newsMl.located()).isEqualTo("ROUND ROCK, Texas");
        assertThat(newsMl.slugline()).isEqualTo("TX-DELL");
        assertThat(newsMl.bodyHtml()).contains("<p");
    }

    @Test
    void newsMlG2NewsItemWithAnNitfBodyIsRead() throws Exception {
        WireItem item = only(WireFiles.newsMlG2("urn:newsml:example.com:20261201:flood", 3, "usable",
                "Floods close the Elbe crossings", "HAMBURG"));
        assertThat(item.format()).isEqualTo("NewsML-G2");
        assertThat(item.guid()).isEqualTo("urn:newsml:example.com:20261201:flood");
        assertThat(item.versionNumber()).isEqualTo(3L);
        assertThat(item.urgency()).isEqualTo(2);
        assertThat(item.located()).isEqualTo("HAMBURG");
        assertThat(item.slugline()).isEqualTo("germany-floods");
        assertThat(item.byline()).isEqualTo("Anna Berg");
        assertThat(item.subjects()).containsExactly("disaster and accident");
        assertThat(item.bodyHtml()).isEqualTo("<h3>Ferries stop</h3><p>The river rose by two metres &amp; more.</p>");
        assertThat(only(WireFiles.newsMlG2("urn:x:1", 4, "canceled", "Kill", "")).pubStatus())
                .isEqualTo(WireItem.PubStatus.CANCELED);
    }

    @Test
    void xmlWithAnExternalEntityIsRefusedUnread() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:xxe" version="1">
                  <contentMeta><headline>&secret;</headline></contentMeta>
                </newsItem>""";
        assertThatThrownBy(() -> readers.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadWireFile.class)
                .hasMessage("a DTD (<!DOCTYPE>) is not accepted in wire XML")
                .satisfies(e -> assertThat(((BadWireFile) e).where()).startsWith("line 2, column"));
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [" + entities
                + "]><newsItem guid=\"urn:x:bomb\" version=\"1\"><contentMeta><headline>&lol9;</headline>"
                + "</contentMeta></newsItem>";
        long before = System.nanoTime();
        assertThatThrownBy(() -> readers.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadWireFile.class).hasMessageContaining("DTD");
        assertThat(System.nanoTime() - before).as("refused before expanding").isLessThan(5_000_000_000L);
    }

    @Test
    void badFilesAreNamedWithTheirLineOrField() {
        assertThatThrownBy(() -> readers.read("{\"uri\": \"urn:x:1\",\n \"headline\": }".getBytes()))
                .isInstanceOf(BadWireFile.class).hasMessageStartingWith("not valid JSON")
                .satisfies(e -> assertThat(((BadWireFile) e).where()).startsWith("line 2, column"));
        assertThatThrownBy(() -> readers.read("{\"uri\": \"urn:x:1\", \"urgency\": \"soon\"}".getBytes()))
                .isInstanceOf(BadWireFile.class).hasMessageStartingWith("not valid ninjs 1.x")
                .satisfies(e -> assertThat(((BadWireFile) e).where()).isEqualTo("field /urgency"));
        assertThatThrownBy(() -> readers.read("{\"headlines\": [{\"value\": \"No id\"}]}".getBytes()))
                .isInstanceOf(BadWireFile.class).hasMessageContaining("uri");
        assertThatThrownBy(() -> readers.read("<newsItem version=\"1\"/>".getBytes()))
                .isInstanceOf(BadWireFile.class).hasMessage("the newsItem has no guid");
        assertThatThrownBy(() -> readers.read("just text".getBytes()))
                .isInstanceOf(BadWireFile.class).hasMessage("neither JSON (ninjs) nor XML (NewsML)");
        byte[] large = new byte[(int) DataSize.ofMegabytes(5).toBytes() + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        assertThatThrownBy(() -> readers.read(large)).isInstanceOf(BadWireFile.class)
                .hasMessageContaining("larger than the limit of 5 MB");
    }

    private WireItem read(String example) throws Exception {
        return readers.read(Files.readAllBytes(IptcExamples.ROOT.resolve(example))).getFirst();
    }

    private WireItem only(String file) throws Exception {
        List<WireItem> items = readers.read(file.getBytes(StandardCharsets.UTF_8));
        assertThat(items).hasSize(1);
        return items.getFirst();
    }
}
