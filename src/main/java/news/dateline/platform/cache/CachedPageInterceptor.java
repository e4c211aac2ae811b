package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Where the page cache learns, per request, whether the chosen handler is a {@link CachedPage}: after handler
 * mapping, before the handler writes a byte. {@link PageCacheFilter} runs long before that (ahead of Spring
 * Security), so it leaves its decision open on the request and this settles it.
 */
final class CachedPageInterceptor implements HandlerInterceptor {

    /** The kind of page, for its render timer ({@link PageCacheMeters}). */
    static final String PAGE_TYPE = CachedPageInterceptor.class.getName() + ".pageType";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && isCachedPage(method)) {
            request.setAttribute(PAGE_TYPE, PageCacheMeters.pageType(method.getBeanType()));
            PageCacheFilter.handlerIsCachedPage(request, response, isPaginated(method));
        }
        return true;
    }

    private static boolean isPaginated(HandlerMethod method) {
        CachedPage declared = method.getMethodAnnotation(CachedPage.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), CachedPage.class);
        }
        return declared != null && declared.paginated();
    }

    static boolean isCachedPage(HandlerMethod method) {
        return method.hasMethodAnnotation(CachedPage.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), CachedPage.class);
    }
}
