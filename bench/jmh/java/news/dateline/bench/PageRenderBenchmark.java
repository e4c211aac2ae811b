package news.dateline.bench;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.DatelineApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What one uncached reader page costs without the connector: the site on SQLite with the sample content, the page
 * cache off, every request passed through the servlet filters in the server's order (security included) and the
 * dispatcher, into a mock response. The figure is ns per page on one thread; the HTTP connector (Tomcat) and the
 * network are what {@code bench/pages.sh} adds. Run by {@code bench/render-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx512m"})
public class PageRenderBenchmark {

    private static final Pattern FIRST_STORY = Pattern.compile("class=\"card-title\"><a href=\"(/[^\"/]+/[^\"]+)\"");

    private ConfigurableApplicationContext context;
    private MockMvc mvc;
    private String article;
    private String section;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path data = Files.createTempDirectory("dateline-jmh-");
        context = new SpringApplicationBuilder(DatelineApplication.class).properties(
                "dateline.data.dir=" + data,
                "dateline.data.url=",
                "dateline.site.base-url=http://localhost",
                "dateline.cache.enabled=false",
                "server.port=0",
                "logging.level.root=WARN").run();
        mvc = throughTheFilters((WebApplicationContext) context, context);
        String home = get("/");
        Matcher story = FIRST_STORY.matcher(home);
        if (!story.find()) {
            throw new IllegalStateException("No story on the home page: is the sample site loaded?");
        }
        article = story.group(1);
        section = article.substring(0, article.indexOf('/', 1) + 1);
        System.out.printf("%nArticle %s (%d bytes), section %s (%d bytes), home (%d bytes)%n", article,
                get(article).length(), section, get(section).length(), home.length());
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** The servlet filters as the embedded server would run them: the same beans, the same order. */
    private static MockMvc throughTheFilters(WebApplicationContext web, ConfigurableApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(web);
        for (var initializer : new ServletContextInitializerBeans(context.getBeanFactory())) {
            if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()) {
                Filter filter = registration.getFilter();
                String[] patterns = registration.getUrlPatterns().toArray(String[]::new);
                builder.addFilter(filter, patterns.length == 0 ? new String[] {"/*"} : patterns);
            }
        }
        return builder.build();
    }

    private String get(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)
                .header("Host", "localhost").header("Accept", "text/html")).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(path + " answered " + response.getStatus());
        }
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The page's length; a page that is not a 200 stops the run rather than measure an error page. */
    private int bytes(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)
                .header("Host", "localhost").header("Accept", "text/html")).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(path + " answered " + response.getStatus());
        }
        return response.getContentAsByteArray().length;
    }

    @Benchmark
    public int article(CpuClock cpu) throws Exception {
        cpu.pages++;
        return bytes(article);
    }

    @Benchmark
    public int home(CpuClock cpu) throws Exception {
        cpu.pages++;
        return bytes("/");
    }

    @Benchmark
    public int section(CpuClock cpu) throws Exception {
        cpu.pages++;
        return bytes(section);
    }

    /**
     * The benchmark thread's own CPU time per page, printed after each iteration: on a machine that others load,
     * wall time per page (the score) grows with their load, CPU time much less. Background work the page starts on
     * other threads is not in it.
     */
    @State(Scope.Thread)
    public static class CpuClock {
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long pages;
        private long startedAt;

        @Setup(Level.Iteration)
        public void start() {
            pages = 0;
            startedAt = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long used = THREADS.getCurrentThreadCpuTime() - startedAt;
            System.out.printf(" [cpu %,d ns/op over %d pages]", pages == 0 ? 0 : used / pages, pages);
        }
    }
}
