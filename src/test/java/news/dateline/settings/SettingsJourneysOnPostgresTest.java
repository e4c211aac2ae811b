package news.dateline.settings;

import news.dateline.support.PostgresSite;

class SettingsJourneysOnPostgresTest extends PostgresSite implements SettingsJourneys {
}
