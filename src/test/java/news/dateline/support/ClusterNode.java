package news.dateline.support;

import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.DatelineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Dateline node of a cluster inside the test JVM: its own Spring context, web server on a random port, data
 * directory (search index) and page cache, on a database it shares with the other nodes, as in production.
 */
public final class ClusterNode implements RunningSite, AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ClusterNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ClusterNode start(String name, String jdbcUrl, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("dateline.data.dir", TestDatabases.dataDirectory(name).toString());
        properties.put("dateline.data.url", jdbcUrl);
        properties.put("dateline.data.username", "postgres");
        properties.put("dateline.data.password", "");
        properties.put("dateline.cluster.node-id", name);
        // the tests search often from one address
        properties.put("dateline.search.rate-limit.per-minute", "0");
        properties.putAll(extra);
        // As arguments: they win over application.properties (server.port=${PORT:8080}), as for `serve --port`.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new ClusterNode(new SpringApplicationBuilder(DatelineApplication.class).run(arguments));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public SiteClient site() {
        return new SiteClient(port());
    }

    @Override
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
