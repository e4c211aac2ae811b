package news.dateline.site;

import java.util.List;
import news.dateline.platform.Moments;
import news.dateline.story.CorrectionRepository;
import org.springframework.stereotype.Component;

/** The corrections box of an article page, newest first. */
@Component
class CorrectionNotes {

    private final CorrectionRepository corrections;
    private final Moments moments;

    CorrectionNotes(CorrectionRepository corrections, Moments moments) {
        this.corrections = corrections;
        this.moments = moments;
    }

    List<CorrectionNote> of(long articleId) {
        return corrections.of(articleId).stream()
                .map(c -> new CorrectionNote(moments.of(c.createdAt()), c.note()))
                .toList();
    }
}
