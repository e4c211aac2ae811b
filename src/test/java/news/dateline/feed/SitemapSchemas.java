package news.dateline.feed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Validates sitemaps with javax.xml.validation against the sitemaps.org 0.9 XSDs (sitemap.xsd and
 * siteindex.xsd, as shipped inside the sitemapgen4j test dependency) and, for the Google News extension,
 * src/test/resources/feed/sitemap-news.xsd (written for Dateline from Google's documented tags: Google's own
 * XSD is in no package this project can install), and likewise src/test/resources/feed/sitemap-image.xsd for the
 * image extension.
 */
public final class SitemapSchemas {

    private static final Schema INDEX = schema(resource("com/redfin/sitemapgenerator/siteindex.xsd"));
    /** With Google's image extension (src/test/resources/feed/sitemap-image.xsd): article sitemaps name photos. */
    private static final Schema URLSET = schema(resource("com/redfin/sitemapgenerator/sitemap.xsd"),
            resource("feed/sitemap-image.xsd"));
    private static final Schema NEWS = schema(resource("com/redfin/sitemapgenerator/sitemap.xsd"),
            resource("feed/sitemap-news.xsd"));

    private SitemapSchemas() {
    }

    /** Throws, saying where and why, unless the sitemap index is valid. */
    static void validIndex(String xml) {
        validate(INDEX, xml);
    }

    public static void validUrlset(String xml) {
        validate(URLSET, xml);
    }

    static void validNewsSitemap(String xml) {
        validate(NEWS, xml);
    }

    private static void validate(Schema schema, String xml) {
        try {
            var validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("Sitemap is not valid: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        URL url = SitemapSchemas.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is not on the test classpath");
        }
        return url;
    }

    private static Schema schema(URL... xsds) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Source[] sources = new Source[xsds.length];
            for (int i = 0; i < xsds.length; i++) {
                sources[i] = new StreamSource(xsds[i].openStream(), xsds[i].toString());
            }
            return factory.newSchema(sources);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Could not load the sitemap schemas", e);
        }
    }
}
