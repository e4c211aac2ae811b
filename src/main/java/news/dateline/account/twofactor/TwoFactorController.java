package news.dateline.account.twofactor;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own two-factor page: set up an authenticator app (the secret as text, as an otpauth address and as a QR
 * code), confirm it with a first code, see the ten recovery codes once; later, how many are left, and turning it off
 * with a current code where the site does not require it.
 */
@Controller
@NewsroomScreen
class TwoFactorController {

    static final String PAGE = "/newsroom/two-factor";

    private final SecondFactors factors;

    TwoFactorController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping(PAGE)
    String page(@ModelAttribute("staff") Staff staff, Model model) {
        return render(staff, model, Map.of(), "", List.of());
    }

    @GetMapping(PAGE + "/qr.svg")
    ResponseEntity<String> qr(@ModelAttribute("staff") Staff staff) {
        return factors.enrolment(staff.accountId(), staff.username())
                .map(enrolment -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                        .body(QrSvg.of(enrolment.uri())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(PAGE)
    String confirm(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        try {
            List<String> recoveryCodes = factors.confirm(staff.accountId(), code);
            return render(staff, model, Map.of(), "", recoveryCodes);
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return render(staff, model, problems(refused), code, List.of());
        }
    }

    @PostMapping(PAGE + "/off")
    String turnOff(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String code, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            factors.turnOff(staff.accountId(), staff.role(), code);
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return render(staff, model, problems(refused), code, List.of());
        }
        redirect.addFlashAttribute("turnedOff", true);
        return "redirect:" + PAGE;
    }

    private static Map<String, String> problems(Refusal refused) {
        return refused.fields().isEmpty() ? Map.of("code", refused.getMessage()) : refused.fields();
    }

    private String render(Staff staff, Model model, Map<String, String> problems, String code,
            List<String> recoveryCodes) {
        boolean enrolled = factors.appEnrolled(staff.accountId());
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("enrolment", enrolled ? null : factors.enrolment(staff.accountId(), staff.username())
                .orElse(null));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("recoveryLeft", enrolled ? factors.unusedRecoveryCodes(staff.accountId()) : 0);
        model.addAttribute("required", factors.appIsLastFactor(staff.accountId(), staff.role()));
        model.addAttribute("problems", problems);
        model.addAttribute("code", code);
        model.addAttribute("turnedOff", model.containsAttribute("turnedOff"));
        return "account/twofactor/enrol";
    }
}
