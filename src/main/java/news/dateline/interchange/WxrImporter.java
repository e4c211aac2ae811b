package news.dateline.interchange;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongConsumer;
import news.dateline.platform.ArticleChanged;
import news.dateline.search.SearchIndex;
import news.dateline.taxonomy.SectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export in one transaction: a file that turns out not to be well-formed half-way
 * through imports nothing. Each imported article gets its change-log row; after commit one
 * {@link ArticleChanged} refreshes the page cache and the search index is rebuilt.
 */
@Service
public class WxrImporter {

    private static final Logger log = LoggerFactory.getLogger(WxrImporter.class);

    private final ImportRepository repo;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final ApplicationEventPublisher events;
    private final SectionRepository sections;
    private final ObjectProvider<SearchIndex> searchIndex;
    private final Clock clock;

    WxrImporter(ImportRepository repo, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            SectionRepository sections, ObjectProvider<SearchIndex> searchIndex, Clock clock) {
        this.repo = repo;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
        this.sections = sections;
        this.searchIndex = searchIndex;
        this.clock = clock;
    }

    public record Options(boolean dryRun, boolean flattenCategories) {
    }

    /**
     * Imports {@code file}; {@code progress} hears the bytes read so far after each item. Throws
     * {@link WxrFormatException} (line and column) when the file is not a well-formed WordPress export.
     */
    public ImportSummary importFile(Path file, Options options, LongConsumer progress) {
        ImportSummary summary = new ImportSummary();
        long[] lastArticle = {0};
        transaction.executeWithoutResult(status -> {
            try (CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                ImportRun run = new ImportRun(repo, savepoint, summary, options.flattenCategories(), clock.instant(),
                        () -> progress.accept(in.count()));
                new WxrReader().read(in, run);
                progress.accept(in.count());
                lastArticle[0] = run.lastArticleId();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (options.dryRun()) {
                summary.dryRun();
                status.setRollbackOnly();
            } else if (lastArticle[0] != 0) {
                events.publishEvent(new ArticleChanged(lastArticle[0], "imported"));
            }
        });
        if (!options.dryRun()) {
            sections.forgetNavigation();
            if (lastArticle[0] != 0) {
                reindex();
            }
        }
        return summary;
    }

    private void reindex() {
        SearchIndex index = searchIndex.getIfAvailable();
        if (index == null || index.state() == SearchIndex.State.UNAVAILABLE) {
            log.warn("The search index is not available here: run `reindex` to make imported articles searchable.");
            return;
        }
        try {
            index.rebuild();
        } catch (IOException | RuntimeException e) {
            log.error("Rebuilding the search index after the import failed; `reindex` repairs it.", e);
        }
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
