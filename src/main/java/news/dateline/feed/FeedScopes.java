package news.dateline.feed;

import news.dateline.platform.Refusal;
import news.dateline.settings.SiteSettings;
import news.dateline.story.ArticleRepository;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import news.dateline.taxonomy.Tag;
import news.dateline.taxonomy.TagRepository;
import org.springframework.stereotype.Component;

/** Finds what a feed address covers; an unknown section, tag or author is the site's 404, as its page is. */
@Component
class FeedScopes {

    private final SiteSettings settings;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final ArticleRepository articles;

    FeedScopes(SiteSettings settings, SectionRepository sections, TagRepository tags, AuthorRepository authors,
            ArticleRepository articles) {
        this.settings = settings;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.articles = articles;
    }

    FeedScope site() {
        return new FeedScope(FeedScope.Kind.SITE, 0, settings.current().name(), settings.current().tagline(), "/");
    }

    FeedScope section(String slug) {
        Section found = sections.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Section feed " + slug));
        return new FeedScope(FeedScope.Kind.SECTION, found.id(), found.name() + " — " + settings.current().name(),
                found.description().isBlank() ? found.name() + " stories from " + settings.current().name() + "." : found.description(),
                found.path());
    }

    /**
     * A tag whose stories are all unpublished has no page, and so no feed: its name may come from a draft
     * and must not leak.
     */
    FeedScope tag(String slug) {
        Tag found = tags.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Tag feed " + slug));
        if (articles.countTaggedWith(found.id()) == 0) {
            throw Refusal.notFound("Tag feed " + slug + " has no published stories");
        }
        return new FeedScope(FeedScope.Kind.TAG, found.id(), found.name() + " — " + settings.current().name(),
                "Stories tagged " + found.name() + ".", found.path());
    }

    FeedScope author(String slug) {
        Author found = authors.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Author feed " + slug));
        return new FeedScope(FeedScope.Kind.AUTHOR, found.id(), found.name() + " — " + settings.current().name(),
                found.bio().isBlank() ? "Stories by " + found.name() + "." : found.bio(), found.path());
    }
}
