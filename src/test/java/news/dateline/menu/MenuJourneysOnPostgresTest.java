package news.dateline.menu;

import news.dateline.support.PostgresSite;

class MenuJourneysOnPostgresTest extends PostgresSite implements MenuJourneys {
}
