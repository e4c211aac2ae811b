package news.dateline.menu;

import news.dateline.support.SqliteSite;

class MenuJourneysOnSqliteTest extends SqliteSite implements MenuJourneys {
}
