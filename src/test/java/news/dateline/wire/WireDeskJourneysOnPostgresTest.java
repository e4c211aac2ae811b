package news.dateline.wire;

import news.dateline.support.PostgresSite;

class WireDeskJourneysOnPostgresTest extends PostgresSite implements WireDeskJourneys, WireKillJourneys, WireUpdateJourneys,
        WireProviderJourneys, WireIntakeJourneys {
}
