package news.dateline.interchange;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.images.ImageHosts;
import org.springframework.beans.factory.ObjectProvider;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.platform.change.StoriesImported;
import news.dateline.live.LiveService;
import news.dateline.menu.MenuService;
import news.dateline.page.PageRepository;
import news.dateline.page.PageService;
import news.dateline.interchange.uploads.UploadsFolder;
import news.dateline.story.ArticleService;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.PhotoArchive;
import news.dateline.story.photo.PhotoIntake;
import news.dateline.taxonomy.SectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export in one transaction: a file that turns out not to be well-formed half-way
 * through imports nothing. Stories are filed through {@link ArticleService}, and the import is recorded as one
 * {@link StoriesImported} (a change-log row per story): after commit the page cache is cleared once and the
 * search index takes the stories in one pass.
 */
@Service
public class WxrImporter {

    private static final Logger log = LoggerFactory.getLogger(WxrImporter.class);

    private final ImportRepository repo;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final ArticleService stories;
    private final LiveService live;
    private final ChangeLog changes;
    private final SectionRepository sections;
    private final Clock clock;
    private final AuditLog audit;
    private final PageService pageService;
    private final PageRepository pages;
    private final MenuService menuService;
    private final PhotoIntake photos;
    private final LeadPhotoDesk leads;
    private final PhotoArchive archive;
    private final ObjectProvider<ImageHosts> imageHosts;

    WxrImporter(ImportRepository repo, PlatformTransactionManager transactions, ArticleService stories,
            LiveService live, ChangeLog changes, SectionRepository sections, Clock clock, AuditLog audit,
            PageService pageService, PageRepository pages, MenuService menuService, PhotoIntake photos,
            LeadPhotoDesk leads, PhotoArchive archive, ObjectProvider<ImageHosts> imageHosts) {
        this.archive = archive;
        this.imageHosts = imageHosts;
        this.photos = photos;
        this.leads = leads;
        this.audit = audit;
        this.menuService = menuService;
        this.pageService = pageService;
        this.pages = pages;
        this.repo = repo;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.stories = stories;
        this.live = live;
        this.changes = changes;
        this.sections = sections;
        this.clock = clock;
    }

    /**
     * {@code menus}: WordPress's menus become the header and footer menus (each only while the site's is empty).
     * The command and the newsroom upload always ask; the two-argument form, for tests on a shared site, does not.
     */
    public record Options(boolean dryRun, boolean flattenCategories, boolean menus, Path uploads) {

        public Options(boolean dryRun, boolean flattenCategories) {
            this(dryRun, flattenCategories, false);
        }

        public Options(boolean dryRun, boolean flattenCategories, boolean menus) {
            this(dryRun, flattenCategories, menus, null);
        }
    }

    /**
     * Imports {@code file}; {@code progress} hears the bytes read so far after each item. Throws
     * {@link WxrFormatException} (line and column) when the file is not a well-formed WordPress export.
     */
    public ImportSummary importFile(Path file, Options options, LongConsumer progress) {
        ImportSummary summary = new ImportSummary();
        List<Long> imported = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            // A dry run looks for each attachment's file but stores none.
            UploadsFolder uploads = options.uploads() == null ? null
                    : new UploadsFolder(options.uploads(), options.dryRun() ? null : photos, leads, archive);
            if (uploads != null) {
                // Galleries name attachments by id, and attachments come after the posts: read them first.
                try (InputStream first = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    new WxrReader().read(first, Galleries.attachmentsInto(uploads));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try (CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                PageImport pageImport = new PageImport(pageService, pages, summary);
                MenuImport menuImport = options.menus() ? new MenuImport(menuService, repo, pageImport, summary) : null;
                ImportRun run = new ImportRun(repo, stories, live, pageImport, menuImport,
                        savepoint, summary, options.flattenCategories(), clock.instant(),
                        () -> progress.accept(in.count()), uploads);
                new WxrReader().read(in, run);
                run.finish();
                progress.accept(in.count());
                imported.addAll(run.importedArticleIds());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (options.dryRun()) {
                summary.dryRun();
                status.setRollbackOnly();
            } else {
                if (!imported.isEmpty()) {
                    changes.record(new StoriesImported(imported));
                }
                // Pictures left on https hosts may be shown: their hosts join the CSP's img-src (a settings change).
                ImageHosts hosts = imageHosts.getIfAvailable();
                if (hosts != null && !summary.outsideImages().https().isEmpty()) {
                    hosts.allow(summary.outsideImages().https().keySet());
                }
                audit.record(AuditAction.IMPORTED, imported.size() + " stories", String.join("; ", summary.lines()));
            }
        });
        if (!options.dryRun()) {
            sections.forgetNavigation();
        }
        return summary;
    }

    /** Counts what the parser has consumed, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
