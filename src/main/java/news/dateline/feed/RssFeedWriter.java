package news.dateline.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;

/**
 * RSS 2.0 through Rome. The standfirst is the description; the full story, when feeds carry it, is
 * {@code content:encoded}; bylines are {@code dc:creator} (RSS's own {@code author} wants an e-mail address).
 */
@Component
class RssFeedWriter {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Media RSS (https://www.rssboard.org/media-rss), which feed readers read for an item's picture. */
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    String write(Feed feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(feed.title());
        channel.setLink(feed.pageUrl());
        channel.setDescription(feed.description().isBlank() ? feed.title() : feed.description());
        channel.setLanguage(feed.language());
        channel.setGenerator("Dateline");
        channel.setLastBuildDate(Date.from(feed.updated()));
        List<Element> links = new ArrayList<>();
        links.add(atomLink("self", feed.selfUrl(), FeedFormat.RSS.mediaType()));
        if (feed.hubUrl() != null) {
            links.add(atomLink("hub", feed.hubUrl(), null));
        }
        channel.setForeignMarkup(links);
        channel.setItems(feed.items().stream().map(RssFeedWriter::item).toList());
        try {
            return new WireFeedOutput().outputString(channel, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the RSS feed " + feed.selfUrl(), e);
        }
    }

    private static Item item(Feed.Item story) {
        Item item = new Item();
        item.setTitle(story.title());
        item.setLink(story.url());
        Guid guid = new Guid();
        guid.setValue(story.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(story.published()));
        if (!story.summary().isBlank()) {
            Description description = new Description();
            // RSS descriptions are HTML: a standfirst's "<" or "&" must stay text.
            description.setValue(story.summary().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            item.setDescription(description);
        }
        if (story.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(story.contentHtml());
            item.setContent(content);
        }
        List<Category> categories = new ArrayList<>();
        categories.add(category(story.section()));
        story.tags().forEach(tag -> categories.add(category(tag)));
        item.setCategories(categories);
        if (story.image() != null) {
            // Both: RSS's own enclosure (url, length, type) and Media RSS, which also gives the size and the alt text.
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(story.image().url());
            enclosure.setLength(story.image().length());
            enclosure.setType(story.image().type());
            item.setEnclosures(List.of(enclosure));
            item.setForeignMarkup(List.of(mediaContent(story.image())));
        }
        if (!story.authors().isEmpty()) {
            DCModule dc = new DCModuleImpl();
            dc.setCreators(story.authors().stream().map(Feed.Person::name).toList());
            List<Module> modules = new ArrayList<>(item.getModules());
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }

    private static Element mediaContent(news.dateline.story.photo.FeedPhoto image) {
        Element content = new Element("content", MEDIA);
        content.setAttribute("url", image.url());
        content.setAttribute("type", image.type());
        content.setAttribute("medium", "image");
        content.setAttribute("fileSize", Long.toString(image.length()));
        content.setAttribute("width", Integer.toString(image.width()));
        content.setAttribute("height", Integer.toString(image.height()));
        if (!image.alt().isBlank()) {
            content.addContent(new Element("description", MEDIA).setAttribute("type", "plain").setText(image.alt()));
        }
        if (!image.caption().isBlank()) {
            content.addContent(new Element("title", MEDIA).setAttribute("type", "plain").setText(image.caption()));
        }
        return content;
    }

    private static Category category(String name) {
        Category category = new Category();
        category.setValue(name);
        return category;
    }

    private static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM);
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }
}
