package news.dateline.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An editor at a story made from wire copy: Use, then the editor's form as the page has it. */
final class WireEditor {

    private WireEditor() {
    }

    static long itemId(RunningSite site, String guid) {
        return site.bean(JdbcClient.class).sql("SELECT id FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(Long.class).single();
    }

    /** "Use" on the desk; the new draft's id. */
    static long use(NewsroomForms editor, long itemId) {
        Page used = editor.post("/newsroom/wire/" + itemId + "/use");
        if (used.status() != 303) {
            throw new AssertionError("Use answered " + used.status() + ": " + used.body());
        }
        return Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
    }

    /** Posts the editor's form as the page has it, with this button pressed and these fields changed. */
    static Page press(NewsroomForms editor, long articleId, String action, String... changed) {
        Document page = editor.get("/newsroom/articles/" + articleId).html();
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < changed.length; i += 2) {
            overrides.put(changed[i], changed[i + 1]);
        }
        List<String> fields = new ArrayList<>();
        for (var pair : ((FormElement) page.selectFirst("form#editor")).formData()) {
            if (!pair.key().equals("_csrf") && !pair.key().equals("action") && !overrides.containsKey(pair.key())) {
                fields.add(pair.key());
                fields.add(pair.value());
            }
        }
        overrides.forEach((key, value) -> {
            fields.add(key);
            fields.add(value);
        });
        fields.add("action");
        fields.add(action);
        return editor.post("/newsroom/articles/" + articleId, fields.toArray(String[]::new));
    }
}
