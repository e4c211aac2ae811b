package news.dateline.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One Lucene index on disk: a writer, and a near-real-time searcher that sees each change as soon as
 * {@link #upsert} or {@link #delete} returns (no commit needed). Commits make changes survive a restart
 * and carry {@link #FOLLOWED_UNTIL}, the time up to which the change log is known to be applied.
 * Knows nothing of Spring or the database, so tests and benchmarks use it directly.
 */
final class LuceneIndex implements Closeable {

    static final String FOLLOWED_UNTIL = "dateline.followed-until";

    /**
     * Counts refreshes of every index this process opened (a rebuilt index goes on counting): a searcher acquired
     * after reading {@link #contentGeneration} shows at least that generation's documents. Unlike the reader's
     * version it does not move for a commit or a merge, which change no document.
     */
    private static final AtomicLong REFRESHES = new AtomicLong();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long contentGeneration = REFRESHES.incrementAndGet();

    private LuceneIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code dir}, creating an empty one if there is none. Throws if it cannot be read. */
    static LuceneIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            try {
                return new LuceneIndex(directory, writer);
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(writer);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /** Throws away whatever is in {@code dir} and opens a new, empty index there. */
    static LuceneIndex recreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
        Directory directory = FSDirectory.open(dir);
        return new LuceneIndex(directory, new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)));
    }

    static boolean exists(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(directory);
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(NewsAnalyzer.forIndexing(),
                Map.of(ArticleFields.SPELL, NewsAnalyzer.forSpelling()));
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setCommitOnClose(true);
        return config;
    }

    /** Adds the article, or replaces the document it had, and makes the change searchable before returning. */
    void upsert(IndexedArticle article, long generation) throws IOException {
        writer.updateDocument(ArticleFields.idTerm(article.id()), ArticleFields.document(article, generation));
        refreshSearcher();
    }

    /** For bulk loads: adds without refreshing; call {@link #refresh()} when done. */
    void add(IndexedArticle article, long generation) throws IOException {
        writer.updateDocument(ArticleFields.idTerm(article.id()), ArticleFields.document(article, generation));
    }

    void delete(long articleId) throws IOException {
        writer.deleteDocuments(ArticleFields.idTerm(articleId));
        refreshSearcher();
    }

    /** Drops every document written by a rebuild before {@code generation}: articles no longer published. */
    void deleteOlderThan(long generation) throws IOException {
        writer.deleteDocuments(LongPoint.newRangeQuery(ArticleFields.GENERATION, Long.MIN_VALUE, generation - 1));
        refreshSearcher();
    }

    void refresh() throws IOException {
        refreshSearcher();
    }

    /** Makes written documents searchable, then moves the content generation (after: never ahead of the searcher). */
    private void refreshSearcher() throws IOException {
        searchers.maybeRefreshBlocking();
        contentGeneration = REFRESHES.incrementAndGet();
    }

    /**
     * Which documents searchers show, as a number that grows with every refresh: what is computed from a searcher
     * acquired after reading it may be kept under it (it can only be newer, never older, than the number says).
     */
    long contentGeneration() {
        return contentGeneration;
    }

    void commit(long followedUntil) throws IOException {
        writer.setLiveCommitData(Map.of(FOLLOWED_UNTIL, Long.toString(followedUntil)).entrySet());
        writer.commit();
    }

    /** The change-log time recorded by the last commit, or 0 if none was. */
    long followedUntil() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return 0;
        }
        String value = SegmentInfos.readLatestCommit(directory).getUserData().get(FOLLOWED_UNTIL);
        return value == null ? 0 : Long.parseLong(value);
    }

    int size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }
}
