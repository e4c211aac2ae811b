package news.dateline.wire.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The providers screen for admins: every provider with its kind, address, last item, errors, silence and what
 * its last poll found, and a form adding a folder or an HTTP feed; each provider's edit form, and switching a
 * provider off (neither polled nor watched) and on. A credential is sealed before it is stored and
 * never shown again, not even in a form that comes back with a problem.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/wire/providers")
class ProvidersController {

    private final FeedProviders providers;
    private final ProviderSecrets secrets;
    private final ProviderSilence silence;
    private final Moments moments;
    private final Clock clock;

    ProvidersController(FeedProviders providers, ProviderSecrets secrets, ProviderSilence silence, Moments moments,
            Clock clock) {
        this.providers = providers;
        this.secrets = secrets;
        this.silence = silence;
        this.moments = moments;
        this.clock = clock;
    }

    @ModelAttribute
    void adminsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only admins set up wire providers.");
        }
    }

    @GetMapping
    ModelAndView list(@RequestParam(required = false) String done) {
        String notice = switch (done == null ? "" : done) {
            case "added" -> "Provider added.";
            case "saved" -> "Provider saved.";
            case "off" -> "Provider switched off: it is neither polled nor watched.";
            case "on" -> "Provider switched on.";
            default -> null;
        };
        return page(ProviderForm.empty(), Map.of(), notice);
    }

    @GetMapping("/{id}")
    ModelAndView edit(@PathVariable long id) {
        FeedProviders.Row row = find(id);
        return editPage(row, ProviderForm.of(row), Map.of(), false);
    }

    /**
     * Saves an admin's edit. A blank credential keeps the sealed one (sealed again under a new name, since the
     * name is bound into the seal); "remove" drops it. A new address starts the feed afresh.
     */
    @PostMapping("/{id}")
    ModelAndView save(@PathVariable long id, ProviderForm form,
            @RequestParam(defaultValue = "false") boolean removeCredential, HttpServletResponse response) {
        FeedProviders.Row row = find(id);
        Map<String, String> problems = form.problemsEditing(row, providers.nameTakenByAnother(form.name(), id),
                removeCredential);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return editPage(row, form.withoutCredential(), problems, removeCredential);
        }
        ProviderForm.Valid valid = form.valid();
        String credential;
        if (!valid.kind().equals("http") || removeCredential) {
            credential = "";
        } else if (!valid.credential().isEmpty()) {
            credential = secrets.seal(valid.name(), valid.credential());
        } else if (row.hasCredential() && !row.name().equals(valid.name())) {
            credential = secrets.seal(valid.name(), secrets.open(row.name(), row.credentialSealed()));
        } else {
            credential = row.credentialSealed();
        }
        boolean newSource = !row.kind().equals(valid.kind()) || !row.url().equals(valid.url());
        providers.update(id, valid, credential, newSource, clock.instant());
        return SeeOther.to("/newsroom/wire/providers?done=saved#provider-" + id);
    }

    @PostMapping("/{id}/off")
    ModelAndView switchOff(@PathVariable long id) {
        providers.switchTo(find(id).id(), false, clock.instant());
        return SeeOther.to("/newsroom/wire/providers?done=off#provider-" + id);
    }

    @PostMapping("/{id}/on")
    ModelAndView switchOn(@PathVariable long id) {
        providers.switchTo(find(id).id(), true, clock.instant());
        return SeeOther.to("/newsroom/wire/providers?done=on#provider-" + id);
    }

    private FeedProviders.Row find(long id) {
        return providers.find(id).orElseThrow(() -> Refusal.notFound("There is no wire provider " + id + "."));
    }

    private ModelAndView editPage(FeedProviders.Row row, ProviderForm form, Map<String, String> problems,
            boolean removeCredential) {
        return new ModelAndView("wire/provider").addObject("provider", row).addObject("form", form)
                .addObject("problems", problems).addObject("removeCredential", removeCredential);
    }

    @PostMapping
    ModelAndView add(ProviderForm form, HttpServletResponse response) {
        Map<String, String> problems = form.problems(providers.nameTaken(form.name()));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(form.withoutCredential(), problems, null);
        }
        ProviderForm.Valid valid = form.valid();
        providers.add(valid, secrets.seal(valid.name(), valid.credential()), clock.instant());
        return SeeOther.to("/newsroom/wire/providers?done=added");
    }

    private ModelAndView page(ProviderForm form, Map<String, String> problems, String notice) {
        return new ModelAndView("wire/providers").addObject("providers", providers.all())
                .addObject("silent", silence.silent()).addObject("form", form).addObject("problems", problems)
                .addObject("notice", notice).addObject("moments", moments);
    }
}
