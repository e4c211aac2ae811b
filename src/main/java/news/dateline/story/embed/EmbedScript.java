package news.dateline.story.embed;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import news.dateline.platform.asset.AssetUrls;

/**
 * The fingerprinted address of {@code assets/embeds.js} in every page's model as {@code embedScript}: the article
 * page includes it when its body holds an embed ({@link #in}), the editor always (for its preview).
 */
@ControllerAdvice
public final class EmbedScript {

    static final String PATH = "/assets/embeds.js";
    private final AssetUrls resources;

    EmbedScript(AssetUrls resources) {
        this.resources = resources;
    }

    @ModelAttribute("embedScript")
    String embedScript() {
        return resources.of(PATH);
    }

    /** Whether rendered body HTML holds an embed placeholder (and so needs the script). */
    public static boolean in(String bodyHtml) {
        return bodyHtml.contains("<figure class=\"embed\"");
    }
}
