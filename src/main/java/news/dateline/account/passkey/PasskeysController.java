package news.dateline.account.passkey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Everyone's own passkeys: the list (name, when added, last used), adding one (the browser's WebAuthn call, in
 * assets/passkeys.js, between the two POSTs below), renaming and removing. The two background POSTs answer JSON,
 * their refusals too (newsroom/NewsroomErrors, asked for JSON); rename and remove are plain forms.
 */
@Controller
@NewsroomScreen
class PasskeysController {

    static final String PAGE = "/newsroom/passkeys";
    static final String SCRIPT = "/assets/passkeys.js";

    private final Passkeys passkeys;
    private final NewsroomTimes times;
    private final ResourceUrlProvider resources;

    PasskeysController(Passkeys passkeys, NewsroomTimes times, ResourceUrlProvider resources) {
        this.passkeys = passkeys;
        this.times = times;
        this.resources = resources;
    }

    @GetMapping(PAGE)
    String page(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) String added, Model model) {
        String notice = (String) model.getAttribute("notice");
        if (notice == null && added != null) {
            notice = passkeys.of(staff.accountId()).stream().filter(p -> p.id().equals(added)).findFirst()
                    .map(p -> PasskeyMessages.ADDED.formatted(p.name())).orElse(null);
        }
        return render(staff, model, notice, null, Map.of(), "");
    }

    /** The options for navigator.credentials.create, once the name is right (so nobody touches a key in vain). */
    @PostMapping(PAGE + "/options")
    @ResponseBody
    Map<String, Object> options(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String name,
            HttpServletRequest request) {
        Passkeys.checkedName(name);
        return passkeys.creationOptions(request, staff.accountId(), staff.username());
    }

    /** What navigator.credentials.create made ({@code credential}, its JSON), checked and stored. */
    @PostMapping(PAGE)
    @ResponseBody
    Map<String, Object> register(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String credential, HttpServletRequest request) {
        Passkey added = passkeys.register(request, staff.acting(), name, credential);
        return Map.of("id", added.id(), "name", added.name(), "location", PAGE + "?added=" + added.id());
    }

    @PostMapping(PAGE + "/{id}/rename")
    String rename(@ModelAttribute("staff") Staff staff, @PathVariable String id,
            @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            String renamed = passkeys.rename(staff.acting(), id, name);
            redirect.addFlashAttribute("notice", PasskeyMessages.RENAMED.formatted(renamed));
            return "redirect:" + PAGE;
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return render(staff, model, null, id, refused.fields().isEmpty()
                    ? Map.of("name", refused.getMessage()) : refused.fields(), name);
        }
    }

    @PostMapping(PAGE + "/{id}/remove")
    String remove(@ModelAttribute("staff") Staff staff, @PathVariable String id, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            String removed = passkeys.remove(staff.acting(), staff.role(), id);
            redirect.addFlashAttribute("notice", PasskeyMessages.REMOVED.formatted(removed));
            return "redirect:" + PAGE;
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("refusal", refused.getMessage());
            return render(staff, model, null, id, Map.of(), "");
        }
    }

    /** {@code editing}: the passkey whose rename was refused, shown with the name as typed and the problem. */
    private String render(Staff staff, Model model, String notice, String editing, Map<String, String> problems,
            String typed) {
        List<Passkey> list = passkeys.of(staff.accountId());
        model.addAttribute("passkeys", list);
        model.addAttribute("times", times);
        String script = resources.getForLookupPath(SCRIPT);
        model.addAttribute("script", script == null ? SCRIPT : script);
        model.addAttribute("notice", notice);
        model.addAttribute("editing", editing);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        if (!model.containsAttribute("refusal")) {
            model.addAttribute("refusal", null);
        }
        return "account/passkey/passkeys";
    }
}
