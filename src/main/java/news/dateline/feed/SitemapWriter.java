package news.dateline.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/** Writes sitemap XML (sitemaps.org 0.9, and Google's news extension) with StAX, which escapes everything. */
@Component
class SitemapWriter {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google's image extension: the pictures a page shows, each an {@code image:loc} (the one tag still read). */
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** A sitemap file the index points at: its absolute address and the newest change in it. */
    record IndexEntry(String url, Instant lastModified) {
    }

    /** @param url absolute; {@code images} the absolute addresses of the pictures it shows (lead photos) */
    record UrlEntry(String url, Instant lastModified, List<String> images) {
    }

    /** @param url absolute */
    record NewsEntry(String url, String title, Instant publishedAt) {
    }

    String index(List<IndexEntry> sitemaps) {
        return document("sitemapindex", SITEMAP_NS, null, null, xml -> {
            for (IndexEntry sitemap : sitemaps) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("sitemap");
                element(xml, "loc", sitemap.url());
                if (sitemap.lastModified() != null) {
                    element(xml, "lastmod", w3c(sitemap.lastModified()));
                }
                xml.writeEndElement();
            }
        });
    }

    String urls(List<UrlEntry> urls) {
        boolean pictures = urls.stream().anyMatch(url -> !url.images().isEmpty());
        return document("urlset", SITEMAP_NS, pictures ? "image" : null, pictures ? IMAGE_NS : null, xml -> {
            for (UrlEntry url : urls) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                element(xml, "loc", url.url());
                if (url.lastModified() != null) {
                    element(xml, "lastmod", w3c(url.lastModified()));
                }
                for (String image : url.images()) {
                    xml.writeStartElement(IMAGE_NS, "image");
                    xml.writeStartElement(IMAGE_NS, "loc");
                    xml.writeCharacters(image);
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
        });
    }

    /** Google News: publication name and language, first publication time, headline; nothing else required. */
    String news(List<NewsEntry> stories, String publication, String language) {
        return document("urlset", SITEMAP_NS, "news", NEWS_NS, xml -> {
            for (NewsEntry story : stories) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                element(xml, "loc", story.url());
                xml.writeStartElement(NEWS_NS, "news");
                xml.writeStartElement(NEWS_NS, "publication");
                newsElement(xml, "name", publication);
                newsElement(xml, "language", language);
                xml.writeEndElement();
                newsElement(xml, "publication_date", w3c(story.publishedAt()));
                newsElement(xml, "title", story.title());
                xml.writeEndElement();
                xml.writeEndElement();
            }
        });
    }

    /** W3C Datetime as sitemaps want it, to the second, in UTC. */
    static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** {@code extraPrefix} and {@code extraNamespace}: an extension's (news, image), or null for none. */
    private static String document(String root, String namespace, String extraPrefix, String extraNamespace,
            Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(namespace);
            if (extraNamespace != null) {
                xml.setPrefix(extraPrefix, extraNamespace);
            }
            xml.writeStartElement(namespace, root);
            xml.writeDefaultNamespace(namespace);
            if (extraNamespace != null) {
                xml.writeNamespace(extraPrefix, extraNamespace);
            }
            body.write(xml);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the sitemap", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NEWS_NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
