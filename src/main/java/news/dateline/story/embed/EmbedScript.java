package news.dateline.story.embed;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The fingerprinted address of {@code assets/embeds.js} in every page's model as {@code embedScript}: the article
 * page includes it when its body holds an embed ({@link #in}), the editor always (for its preview).
 */
@ControllerAdvice
public final class EmbedScript {

    static final String PATH = "/assets/embeds.js";
    private final ResourceUrlProvider resources;

    EmbedScript(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @ModelAttribute("embedScript")
    String embedScript() {
        String url = resources.getForLookupPath(PATH);
        return url != null ? url : PATH;
    }

    /** Whether rendered body HTML holds an embed placeholder (and so needs the script). */
    public static boolean in(String bodyHtml) {
        return bodyHtml.contains("<figure class=\"embed\"");
    }
}
