package news.dateline.account;

import news.dateline.support.PostgresSite;

class SignInLockoutJourneysOnPostgresTest extends PostgresSite implements SignInLockoutJourneys {
}
