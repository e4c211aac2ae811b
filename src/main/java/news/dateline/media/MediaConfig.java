package news.dateline.media;

import news.dateline.platform.DataProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The library's store: local disk under {@code <data dir>/media} (docs/media.md). */
@Configuration(proxyBeanMethods = false)
class MediaConfig {

    @Bean
    MediaStore mediaStore(DataProperties data) {
        return new DiskMediaStore(data.dir().resolve("media"));
    }
}
