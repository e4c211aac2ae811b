package news.dateline.wire.update;

import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** "Take update" and "Dismiss" on a story made from wire copy (forms on the editor and the desk's preview). */
@Controller
@NewsroomScreen
class WireUpdateController {

    private final WireUpdates updates;

    WireUpdateController(WireUpdates updates) {
        this.updates = updates;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden(WireUpdates.EDITORS_ONLY);
        }
    }

    @PostMapping("/newsroom/wire/stories/{articleId}/take")
    ModelAndView take(@PathVariable long articleId, @ModelAttribute(name = "staff", binding = false) Staff staff) {
        String done = updates.take(articleId, staff.acting());
        return SeeOther.to("/newsroom/articles/" + articleId + "?done=" + done);
    }

    @PostMapping("/newsroom/wire/stories/{articleId}/dismiss")
    ModelAndView dismiss(@PathVariable long articleId, @ModelAttribute(name = "staff", binding = false) Staff staff) {
        updates.dismiss(articleId, staff.acting());
        return SeeOther.to("/newsroom/articles/" + articleId + "?done=wire-dismissed");
    }
}
