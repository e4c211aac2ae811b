package news.dateline.interchange;

import news.dateline.support.SqliteSite;
import org.springframework.test.context.TestPropertySource;

/** A site of its own (the property makes another Spring context, with its own fresh database). */
@TestPropertySource(properties = "dateline.test.site=theme-menus")
class ThemeMenusImportOnSqliteTest extends SqliteSite implements ThemeMenusImportJourneys {
}
