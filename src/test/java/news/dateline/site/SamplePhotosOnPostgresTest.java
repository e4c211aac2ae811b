package news.dateline.site;

import news.dateline.support.PostgresSite;
import org.springframework.test.context.TestPropertySource;

/** A site of its own, with the sample site's photos on (the property makes another Spring context). */
@TestPropertySource(properties = {"dateline.test.site=sample-photos", "dateline.sample-photos=true"})
class SamplePhotosOnPostgresTest extends PostgresSite implements SamplePhotosJourneys {
}
