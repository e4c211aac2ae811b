package news.dateline.wire;

import news.dateline.support.SqliteSite;
import news.dateline.wire.provider.WireFeedJourneys;

class WireDeskJourneysOnSqliteTest extends SqliteSite implements WireDeskJourneys, WireKillJourneys, WireUpdateJourneys,
        WireProviderJourneys, WireIntakeJourneys, WireFeedJourneys, WirePictureJourneys {
}
