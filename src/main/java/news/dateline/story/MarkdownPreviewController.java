package news.dateline.story;

import java.util.Objects;
import news.dateline.newsroom.NewsroomScreen;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's live preview: the body rendered by the very code that renders the public page, so what the writer
 * sees is what readers get. Raw HTML in the Markdown comes back escaped, as on the page.
 */
@RestController
@NewsroomScreen
class MarkdownPreviewController {

    private final MarkdownRenderer markdown;

    MarkdownPreviewController(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    @PostMapping(value = "/newsroom/preview", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String preview(@RequestParam(required = false) String body, @RequestParam(required = false) String dateline) {
        return markdown.toPreviewHtml(Objects.requireNonNullElse(body, ""),
                Objects.requireNonNullElse(dateline, "").strip());
    }
}
