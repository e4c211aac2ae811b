package news.dateline.media;

import news.dateline.support.PostgresSite;
import news.dateline.support.S3rver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MediaS3JourneysOnPostgresTest extends PostgresSite implements MediaS3Journeys {

    private static final String BUCKET = "dateline-postgres";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        S3rver.register(registry, BUCKET);
    }

    @Override
    public String bucket() {
        return BUCKET;
    }
}
