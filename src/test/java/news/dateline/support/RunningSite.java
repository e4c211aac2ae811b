package news.dateline.support;

/** What a journey needs from the site under test, whichever database it runs on. */
public interface RunningSite {

    SiteClient site();

    <T> T bean(Class<T> type);
}
