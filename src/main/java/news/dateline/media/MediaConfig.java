package news.dateline.media;

import news.dateline.media.s3.S3MediaStore;
import news.dateline.media.s3.S3Properties;
import news.dateline.platform.DataProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The library's store: local disk under {@code <data dir>/media} by default, an S3-compatible bucket when
 * {@code DATELINE_MEDIA_S3_BUCKET} names one (docs/media.md).
 */
@Configuration(proxyBeanMethods = false)
class MediaConfig {

    @Bean
    MediaStore mediaStore(DataProperties data, S3Properties s3) {
        return s3.enabled() ? S3MediaStore.open(s3) : new DiskMediaStore(data.dir().resolve("media"));
    }
}
