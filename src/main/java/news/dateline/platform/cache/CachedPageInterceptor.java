package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** What a handler method declares, read once per method (annotation lookups on every request added up). */
    private record Declared(boolean cachedPage, boolean paginated, String pageType) {
    }

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Declared page = declared.computeIfAbsent(method.getMethod(), m -> new Declared(isCachedPage(method),
                    isPaginated(method), PageCacheMeters.pageType(method.getBeanType())));
            if (page.cachedPage()) {
                request.setAttribute(PAGE_TYPE, page.pageType());
                PageCacheFilter.handlerIsCachedPage(request, response, page.paginated());
            }
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
