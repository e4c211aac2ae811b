package news.dateline.account.passkey;

import news.dateline.support.PostgresSite;

class PasskeyJourneysOnPostgresTest extends PostgresSite implements PasskeyJourneys {
}
