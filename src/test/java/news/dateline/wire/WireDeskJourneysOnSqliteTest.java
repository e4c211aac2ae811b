package news.dateline.wire;

import news.dateline.support.SqliteSite;

class WireDeskJourneysOnSqliteTest extends SqliteSite implements WireDeskJourneys, WireKillJourneys, WireUpdateJourneys,
        WireProviderJourneys, WireIntakeJourneys {
}
