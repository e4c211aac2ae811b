package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class SignInUsernameJourneysOnPostgresTest extends PostgresSite implements SignInUsernameJourneys {
}
