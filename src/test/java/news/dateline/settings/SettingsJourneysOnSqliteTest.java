package news.dateline.settings;

import news.dateline.support.SqliteSite;

class SettingsJourneysOnSqliteTest extends SqliteSite implements SettingsJourneys {
}
