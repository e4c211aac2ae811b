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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The providers screen for admins: every provider with its kind, address, last item, errors, silence and what
 * its last poll found, and a form adding a folder or an HTTP feed. A credential is sealed before it is stored and
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
        return page(ProviderForm.empty(), Map.of(), "added".equals(done) ? "Provider added." : null);
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
