package news.dateline.media;

import news.dateline.support.PostgresSite;

class LeadPhotoJourneysOnPostgresTest extends PostgresSite implements LeadPhotoJourneys {
}
