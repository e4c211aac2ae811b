package news.dateline.account;

import news.dateline.support.PostgresSite;

class SignInUsernameJourneysOnPostgresTest extends PostgresSite implements SignInUsernameJourneys {
}
