package news.dateline.site;

import news.dateline.platform.Moment;

/** One entry of an article's corrections box: when and what. */
public record CorrectionNote(Moment when, String note) {
}
