package news.dateline.wire;

import news.dateline.support.PostgresSite;
import news.dateline.wire.provider.WireFeedJourneys;

class WireDeskJourneysOnPostgresTest extends PostgresSite implements WireDeskJourneys, WireKillJourneys, WireUpdateJourneys,
        WireProviderJourneys, WireIntakeJourneys, WireFeedJourneys, WirePictureJourneys {
}
