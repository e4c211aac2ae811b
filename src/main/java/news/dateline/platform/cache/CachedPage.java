package news.dateline.platform.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, beside the route, that what a handler answers is the same for every anonymous reader, so the page
 * cache may keep it and serve it to the next one (with a strong ETag and a public {@code Cache-Control}). On a
 * method, or on a controller for all its handlers. Reader pages and feeds carry it; nothing else is ever stored.
 *
 * <p>Only a 200 without cookies is kept. A handler that finds at run time that this answer must not be kept (a
 * reader-specific variant, nothing worth keeping) says so with {@link PageCache#refuse}; an article page names
 * what it depends on with {@link PageCache#dependsOnArticle}, so that a comment drops only that page.
 *
 * <p>{@code ?page=} is the only parameter that makes a different page (others, such as {@code utm_*}, share one
 * entry). A handler that does not read it is stored once for every page number; a listing that does says
 * {@code paginated = true}, and must answer 404 past its last page, so that only real pages take room.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CachedPage {

    /** This handler reads {@code ?page=} (as {@link PageNumbers#requested}): each page number is its own entry. */
    boolean paginated() default false;
}
