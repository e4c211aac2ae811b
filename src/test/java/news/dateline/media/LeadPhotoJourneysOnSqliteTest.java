package news.dateline.media;

import news.dateline.support.SqliteSite;

class LeadPhotoJourneysOnSqliteTest extends SqliteSite implements LeadPhotoJourneys {
}
