package news.dateline.platform;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Resolves a view name such as {@code site/article} to the precompiled template {@code site/article.jte}.
 * Model attributes are passed by name to the template's {@code @param}s. Redirect views are left to Spring.
 */
final class JteViewResolver implements ViewResolver, Ordered {

    private final TemplateEngine templateEngine;

    JteViewResolver(TemplateEngine templateEngine) {
        this.templateEngine = templateEngine;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
            return null;
        }
        String template = viewName + ".jte";
        return templateEngine.hasTemplate(template) ? new JteView(templateEngine, template) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    private record JteView(TemplateEngine engine, String template) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) model;
            engine.render(template, params, output);
            response.setContentType(getContentType());
            response.setContentLength(output.getContentLength());
            // One write of the whole page: the output holds it in many small chunks, and every write to the
            // response passes the filters' wrappers (Spring Security's checks the length each time).
            response.getOutputStream().write(output.toByteArray());
        }
    }
}
