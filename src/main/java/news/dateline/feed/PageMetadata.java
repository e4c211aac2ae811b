package news.dateline.feed;

import java.util.ArrayList;
import java.util.List;
import news.dateline.feed.PageMeta.MetaTag;
import news.dateline.live.LiveBlog;
import news.dateline.live.LiveEntryView;
import news.dateline.settings.SiteSettings;
import news.dateline.site.ArticlePage;
import news.dateline.site.HomePage;
import news.dateline.site.ListingPage;
import news.dateline.story.photo.LeadPhoto;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.AuthorProfile;
import news.dateline.taxonomy.Tag;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code <head>} metadata of reader pages: canonical address, Open Graph and Twitter card tags, feed
 * links, and schema.org JSON-LD ({@code NewsArticle} for a story; {@code WebSite} with its
 * {@code SearchAction} and {@code CollectionPage} for the home page and listings).
 */
@Component
class PageMetadata {

    static final String LOGO = "/assets/logo.png";
    static final int LOGO_WIDTH = 600;
    static final int LOGO_HEIGHT = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteUrls urls;
    private final SiteSettings settings;

    PageMetadata(SiteUrls urls, SiteSettings settings) {
        this.urls = urls;
        this.settings = settings;
    }

    PageMeta article(ArticlePage page) {
        return article(page, List.of(), null);
    }

    /**
     * With the story's corrections as schema.org {@code CorrectionComment}s, newest first as on the page; with
     * live coverage the story is a {@code LiveBlogPosting}, its entries {@code liveBlogUpdate}s.
     */
    PageMeta article(ArticlePage page, List<news.dateline.site.CorrectionNote> corrections, LiveBlog live) {
        String url = urls.of(page.path());
        String modified = page.updated() != null ? page.updated().iso() : page.published().iso();
        List<MetaTag> tags = common("article", page.headline(), page.standfirst(), url);
        tags.add(MetaTag.og("article:published_time", page.published().iso()));
        tags.add(MetaTag.og("article:modified_time", modified));
        tags.add(MetaTag.og("article:section", page.section().name()));
        page.authors().forEach(author -> tags.add(MetaTag.og("article:author", urls.of(author.path()))));
        page.tags().forEach(tag -> tags.add(MetaTag.og("article:tag", tag.name())));
        LeadPhoto photo = page.leadPhoto();
        if (photo != null && photo.share() != null) {
            shareCard(tags, photo);
        }

        ObjectNode article = JSON.createObjectNode();
        article.put("@context", "https://schema.org");
        article.put("@type", live == null ? "NewsArticle" : "LiveBlogPosting");
        ObjectNode webPage = article.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        webPage.set("breadcrumb", breadcrumbs(page, url));
        article.put("url", url);
        article.put("headline", page.headline());
        if (!page.standfirst().isBlank()) {
            article.put("description", page.standfirst());
        }
        article.put("datePublished", page.published().iso());
        article.put("dateModified", modified);
        ArrayNode authors = article.putArray("author");
        for (Author author : page.authors()) {
            authors.addObject().put("@type", "Person").put("name", author.name()).put("url", urls.of(author.path()));
        }
        article.set("publisher", publisher());
        article.put("articleSection", page.section().name());
        if (!page.tags().isEmpty()) {
            ArrayNode keywords = article.putArray("keywords");
            page.tags().stream().map(Tag::name).forEach(keywords::add);
        }
        if (!page.datelinePlace().isBlank()) {
            article.put("dateline", page.datelinePlace());
            article.putObject("locationCreated").put("@type", "Place").put("name", page.datelinePlace());
        }
        if (photo != null && !photo.crops().isEmpty()) {
            // Google asks for 16:9, 4:3 and 1:1, each at least 1200 pixels wide (as ready: never a missing file).
            ArrayNode images = article.putArray("image");
            photo.crops().forEach(crop -> images.addObject().put("@type", "ImageObject")
                    .put("url", urls.of(crop.url())).put("width", crop.width()).put("height", crop.height()));
        }
        article.put("inLanguage", settings.current().language());
        article.put("isAccessibleForFree", true);
        if (!corrections.isEmpty()) {
            ArrayNode notes = article.putArray("correction");
            corrections.forEach(c -> notes.addObject().put("@type", "CorrectionComment")
                    .put("text", c.note()).put("datePublished", c.when().iso()));
        }
        if (live != null) {
            liveCoverage(article, live, url);
        }
        return new PageMeta(url, tags, List.of(), JsonLd.of(article));
    }

    /** The lead photo's 1200 × 630 card instead of the logo, and the large Twitter card that shows it. */
    private void shareCard(List<MetaTag> tags, LeadPhoto photo) {
        LeadPhoto.Image card = photo.share();
        for (int i = 0; i < tags.size(); i++) {
            MetaTag tag = tags.get(i);
            if (tag.key().equals("og:image")) {
                List<MetaTag> image = new ArrayList<>(List.of(MetaTag.og("og:image", urls.of(card.url())),
                        MetaTag.og("og:image:width", Integer.toString(card.width())),
                        MetaTag.og("og:image:height", Integer.toString(card.height()))));
                if (!photo.alt().isBlank()) {
                    image.add(MetaTag.og("og:image:alt", photo.alt()));
                }
                tags.remove(i);
                tags.addAll(i, image);
                i += image.size() - 1;
            } else if (tag.key().equals("twitter:card")) {
                tags.set(i, MetaTag.named("twitter:card", "summary_large_image"));
            }
        }
        if (!photo.alt().isBlank()) {
            tags.add(MetaTag.named("twitter:image:alt", photo.alt()));
        }
    }

    /** Home > Section > Headline: the path search engines show above the story's link. */
    private ObjectNode breadcrumbs(ArticlePage page, String url) {
        ObjectNode list = JSON.createObjectNode().put("@type", "BreadcrumbList");
        ArrayNode items = list.putArray("itemListElement");
        items.addObject().put("@type", "ListItem").put("position", 1).put("name", settings.current().name()).put("item", urls.home());
        items.addObject().put("@type", "ListItem").put("position", 2).put("name", page.section().name())
                .put("item", urls.of(page.section().path()));
        items.addObject().put("@type", "ListItem").put("position", 3).put("name", page.headline()).put("item", url);
        return list;
    }

    private static void liveCoverage(ObjectNode article, LiveBlog live, String url) {
        article.put("coverageStartTime", live.since().iso());
        if (live.ended() != null) {
            article.put("coverageEndTime", live.ended().iso());
        }
        ArrayNode updates = article.putArray("liveBlogUpdate");
        for (LiveEntryView entry : live.entries()) {
            updates.addObject().put("@type", "BlogPosting")
                    .put("headline", entry.headline())
                    .put("datePublished", entry.at().iso())
                    .put("url", url + "#" + entry.anchor());
        }
    }

    PageMeta home(HomePage page) {
        String url = urls.home();
        return new PageMeta(url, common("website", settings.current().name(), settings.current().tagline(), url), List.of(),
                collection(url, settings.current().name(), settings.current().tagline()));
    }

    /** A section, tag or author page; page 2 and later are their own canonical addresses. */
    PageMeta listing(ListingPage page) {
        int number = page.pagination().page();
        String url = urls.of(page.path()) + (number > 1 ? "?page=" + number : "");
        String base = page.path().endsWith("/") ? page.path().substring(0, page.path().length() - 1) : page.path();
        return new PageMeta(url, common("website", page.heading(), page.description(), url),
                FeedLink.under(base, settings.current().name() + ": " + page.heading()),
                collection(url, page.heading(), page.description()));
    }

    /**
     * An author's page: a {@code ProfilePage} whose {@code mainEntity} is the author as a {@code Person} (name, job
     * title, bio, photo, profiles elsewhere as {@code sameAs}, the email only when made public).
     */
    PageMeta profile(ListingPage page, AuthorProfile author) {
        PageMeta listing = listing(page);
        String url = listing.canonical();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "ProfilePage");
        root.put("@id", url);
        root.put("url", url);
        root.put("name", page.heading());
        root.put("inLanguage", settings.current().language());
        root.putObject("isPartOf").put("@type", "WebSite").put("url", urls.home()).put("name", settings.current().name());
        ObjectNode person = root.putObject("mainEntity");
        person.put("@type", "Person");
        person.put("@id", urls.of(author.path()) + "#person");
        person.put("name", author.name());
        person.put("url", urls.of(author.path()));
        if (!author.jobTitle().isEmpty()) {
            person.put("jobTitle", author.jobTitle());
        }
        if (!author.bio().isBlank()) {
            person.put("description", author.bio());
        }
        if (!author.photoUrl().isEmpty()) {
            person.put("image", urls.of(author.photoUrl()));
        }
        if (!author.publicEmail().isEmpty()) {
            person.put("email", author.publicEmail());
        }
        if (!author.socialLinks().isEmpty()) {
            ArrayNode sameAs = person.putArray("sameAs");
            author.socialLinks().forEach(sameAs::add);
        }
        return new PageMeta(url, listing.tags(), listing.feeds(), JsonLd.of(root));
    }

    private List<MetaTag> common(String type, String title, String description, String url) {
        List<MetaTag> tags = new ArrayList<>();
        tags.add(MetaTag.og("og:type", type));
        tags.add(MetaTag.og("og:site_name", settings.current().name()));
        tags.add(MetaTag.og("og:title", title));
        if (!description.isBlank()) {
            tags.add(MetaTag.og("og:description", description));
        }
        tags.add(MetaTag.og("og:url", url));
        String shareImage = settings.current().shareImageUrl();
        tags.add(MetaTag.og("og:image", shareImage.isEmpty() ? urls.of(LOGO)
                : shareImage.startsWith("/") ? urls.of(shareImage) : shareImage));
        tags.add(MetaTag.named("twitter:card", "summary"));
        tags.add(MetaTag.named("twitter:title", title));
        if (!description.isBlank()) {
            tags.add(MetaTag.named("twitter:description", description));
        }
        return tags;
    }

    /** The site, searchable from results pages ({@code SearchAction}), and this page as a list of its stories. */
    private JsonLd collection(String url, String name, String description) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        ArrayNode graph = root.putArray("@graph");
        ObjectNode website = graph.addObject();
        website.put("@type", "WebSite");
        website.put("@id", urls.home() + "#website");
        website.put("url", urls.home());
        website.put("name", settings.current().name());
        website.put("description", settings.current().tagline());
        website.put("inLanguage", settings.current().language());
        website.set("publisher", publisher());
        ObjectNode search = website.putObject("potentialAction");
        search.put("@type", "SearchAction");
        search.putObject("target").put("@type", "EntryPoint")
                .put("urlTemplate", urls.of("/search?q={search_term_string}"));
        search.put("query-input", "required name=search_term_string");
        ObjectNode page = graph.addObject();
        page.put("@type", "CollectionPage");
        page.put("@id", url);
        page.put("url", url);
        page.put("name", name);
        if (!description.isBlank()) {
            page.put("description", description);
        }
        page.put("inLanguage", settings.current().language());
        page.putObject("isPartOf").put("@id", urls.home() + "#website");
        return JsonLd.of(root);
    }

    private ObjectNode publisher() {
        ObjectNode publisher = JSON.createObjectNode();
        publisher.put("@type", "Organization");
        publisher.put("name", settings.current().name());
        publisher.put("url", urls.home());
        String logo = settings.current().logoUrl();
        if (logo.isEmpty()) {
            publisher.putObject("logo").put("@type", "ImageObject").put("url", urls.of(LOGO))
                    .put("width", LOGO_WIDTH).put("height", LOGO_HEIGHT);
        } else {
            publisher.putObject("logo").put("@type", "ImageObject")
                    .put("url", logo.startsWith("/") ? urls.of(logo) : logo);
        }
        List<String> profiles = settings.current().socialProfiles();
        if (!profiles.isEmpty()) {
            ArrayNode sameAs = publisher.putArray("sameAs");
            profiles.forEach(sameAs::add);
        }
        return publisher;
    }
}
