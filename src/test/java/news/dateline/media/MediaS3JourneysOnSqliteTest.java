package news.dateline.media;

import news.dateline.support.S3rver;
import news.dateline.support.SqliteSite;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MediaS3JourneysOnSqliteTest extends SqliteSite implements MediaS3Journeys {

    private static final String BUCKET = "dateline-sqlite";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        S3rver.register(registry, BUCKET);
    }

    @Override
    public String bucket() {
        return BUCKET;
    }
}
