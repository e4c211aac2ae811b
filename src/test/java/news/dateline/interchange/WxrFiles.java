package news.dateline.interchange;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The WordPress importer's own test exports (../shared/testdata/wxr, GPL-2.0, see its LICENSE-NOTE.md). */
final class WxrFiles {

    static final Path DIR = Path.of("../shared/testdata/wxr");
    static final Path PHPUNIT = DIR.resolve("phpunit/data");

    private WxrFiles() {
    }

    /** The file, or the test is skipped with the reason when the shared test data is not there. */
    static Path phpunit(String name) {
        Path file = PHPUNIT.resolve(name);
        assumeTrue(Files.isRegularFile(file), "Skipping: " + file + " is absent (../shared/testdata/wxr)");
        return file;
    }

    record Post(String id, String type, String guid, String title, String content) {

        /** How the import map keys a post: its GUID with its id. */
        String key() {
            return guid.strip() + "#" + id.strip();
        }
    }

    /** The items of a (small) export as a DOM reads them: what the text should be, independently of our reader. */
    static List<Post> posts(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        NodeList items = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("item");
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            posts.add(new Post(child(item, "post_id"), child(item, "post_type"), child(item, "guid"),
                    child(item, "title"), child(item, "encoded")));
        }
        return posts;
    }

    private static String child(Element item, String localName) {
        NodeList children = item.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && localName.equals(e.getLocalName())
                    && !"http://wordpress.org/export/1.2/excerpt/".equals(e.getNamespaceURI())
                    && !"http://wordpress.org/export/1.1/excerpt/".equals(e.getNamespaceURI())) {
                return e.getTextContent();
            }
        }
        return "";
    }
}
