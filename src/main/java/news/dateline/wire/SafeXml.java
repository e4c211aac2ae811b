package news.dateline.wire;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML from outside, parsed so that it cannot reach anything: a document with a DTD is refused outright (no
 * external entities, no entity expansion, so no XXE and no billion laughs), nothing is fetched, no XInclude. And
 * the markup of a body (XHTML, NITF) turned into the small HTML our Markdown conversion reads, escaped.
 */
final class SafeXml {

    private static final Map<String, String> HTML = Map.ofEntries(
            Map.entry("p", "p"), Map.entry("h1", "h2"), Map.entry("h2", "h2"), Map.entry("h3", "h3"),
            Map.entry("h4", "h4"), Map.entry("hl1", "h2"), Map.entry("hl2", "h3"), Map.entry("ul", "ul"),
            Map.entry("ol", "ol"), Map.entry("li", "li"), Map.entry("b", "strong"), Map.entry("strong", "strong"),
            Map.entry("i", "em"), Map.entry("em", "em"), Map.entry("a", "a"), Map.entry("br", "br"),
            Map.entry("blockquote", "blockquote"), Map.entry("bq", "blockquote"), Map.entry("q", "q"),
            Map.entry("table", "table"), Map.entry("tr", "tr"), Map.entry("td", "td"), Map.entry("th", "th"),
            Map.entry("pre", "pre"));

    private SafeXml() {
    }

    /**
     * One parser per thread, set up once: looking the factory up and setting its features cost more than parsing a
     * wire item, and the intake parses on several threads (a DocumentBuilder is not safe to share).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SafeXml::newBuilder);

    static Document parse(String xml) throws BadWireFile {
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DTD (<!DOCTYPE>) is not accepted in wire XML"
                    : "not valid XML (" + e.getMessage() + ")";
            throw new BadWireFile(reason, "line " + e.getLineNumber() + ", column " + e.getColumnNumber());
        } catch (SAXException e) {
            throw new BadWireFile("not valid XML (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("Reading XML from a string failed", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be set up safely", e);
        }
    }

    /** The children of {@code parent} as HTML: known elements kept (NITF's {@code hl2} as a heading), others unwrapped. */
    static String innerHtml(Element parent) {
        StringBuilder out = new StringBuilder();
        children(parent, out);
        return out.toString();
    }

    private static void children(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            switch (node.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(Entities.escape(node.getNodeValue()));
                case Node.ELEMENT_NODE -> element((Element) node, out);
                default -> {
                    // comments and processing instructions are not content
                }
            }
        }
    }

    private static void element(Element e, StringBuilder out) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        String tag = HTML.get(name.toLowerCase(Locale.ROOT));
        if (name.equalsIgnoreCase("script") || name.equalsIgnoreCase("style") || name.equalsIgnoreCase("head")) {
            return;
        }
        if (tag == null) {
            children(e, out);
            return;
        }
        out.append('<').append(tag);
        if (tag.equals("a") && !e.getAttribute("href").isBlank()) {
            out.append(" href=\"").append(Entities.escape(e.getAttribute("href"))).append('"');
        }
        if (tag.equals("br")) {
            out.append('>');
            return;
        }
        out.append('>');
        children(e, out);
        out.append("</").append(tag).append('>');
    }

    /** The first descendant element with this local name, in document order; null when there is none. */
    static Element first(Element root, String localName) {
        var found = root.getElementsByTagNameNS("*", localName);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    static String text(Element root, String localName) {
        Element e = root == null ? null : first(root, localName);
        return e == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
