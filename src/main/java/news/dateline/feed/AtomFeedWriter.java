package news.dateline.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Atom 1.0 through Rome. An entry's {@code updated} is the story's public update time, so feed readers
 * show an updated story as updated; {@code published} stays the first publication.
 */
@Component
class AtomFeedWriter {

    String write(Feed feed) {
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        atom.setEncoding("UTF-8");
        atom.setId(feed.selfUrl());
        atom.setTitleEx(text(feed.title()));
        if (!feed.description().isBlank()) {
            atom.setSubtitle(text(feed.description()));
        }
        atom.setLanguage(feed.language());
        atom.setUpdated(Date.from(feed.updated()));
        atom.setAlternateLinks(List.of(link("alternate", feed.pageUrl(), "text/html")));
        List<Link> others = new ArrayList<>();
        others.add(link("self", feed.selfUrl(), FeedFormat.ATOM.mediaType()));
        if (feed.hubUrl() != null) {
            others.add(link("hub", feed.hubUrl(), null));
        }
        atom.setOtherLinks(others);
        // Atom wants an author for every entry: stories without a byline are the publication's.
        atom.setAuthors(List.of(person(feed.publisher())));
        atom.setEntries(feed.items().stream().map(AtomFeedWriter::entry).toList());
        try {
            return new WireFeedOutput().outputString(atom, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the Atom feed " + feed.selfUrl(), e);
        }
    }

    private static Entry entry(Feed.Item story) {
        Entry entry = new Entry();
        entry.setId(story.id());
        entry.setTitleEx(text(story.title()));
        entry.setAlternateLinks(List.of(link("alternate", story.url(), "text/html")));
        if (story.image() != null) {
            Link enclosure = link("enclosure", story.image().url(), story.image().type());
            enclosure.setLength(story.image().length());
            if (!story.image().alt().isBlank()) {
                enclosure.setTitle(story.image().alt());
            }
            entry.setOtherLinks(List.of(enclosure));
        }
        entry.setPublished(Date.from(story.published()));
        entry.setUpdated(Date.from(story.updated()));
        entry.setAuthors(story.authors().stream().map(AtomFeedWriter::person).toList());
        if (!story.summary().isBlank()) {
            entry.setSummary(text(story.summary()));
        }
        if (story.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(story.contentHtml());
            entry.setContents(List.of(content));
        }
        List<Category> categories = new ArrayList<>();
        categories.add(category(story.section()));
        story.tags().forEach(tag -> categories.add(category(tag)));
        entry.setCategories(categories);
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        if (type != null) {
            link.setType(type);
        }
        return link;
    }

    private static SyndPerson person(Feed.Person who) {
        Person person = new Person();
        person.setName(who.name());
        person.setUri(who.url());
        return person;
    }

    private static Category category(String name) {
        Category category = new Category();
        category.setTerm(name);
        return category;
    }
}
