package news.dateline.interchange;

import news.dateline.support.PostgresSite;
import org.springframework.test.context.TestPropertySource;

/** A site of its own (the property makes another Spring context, with its own fresh database and library). */
@TestPropertySource(properties = "dateline.test.site=uploads-import")
class UploadsImportOnPostgresTest extends PostgresSite implements UploadsImportJourneys {
}
