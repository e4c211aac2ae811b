package news.dateline.interchange;

import news.dateline.support.PostgresSite;
import org.springframework.test.context.TestPropertySource;

/** A site of its own (the property makes another Spring context, with its own fresh database). */
@TestPropertySource(properties = "dateline.test.site=theme-menus")
class ThemeMenusImportOnPostgresTest extends PostgresSite implements ThemeMenusImportJourneys {
}
