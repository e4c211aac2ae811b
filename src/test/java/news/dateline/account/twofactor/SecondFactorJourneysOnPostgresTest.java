package news.dateline.account.twofactor;

import news.dateline.support.PostgresSite;

class SecondFactorJourneysOnPostgresTest extends PostgresSite implements SecondFactorJourneys {
}
