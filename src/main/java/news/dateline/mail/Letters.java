package news.dateline.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Every mail the site sends has one shape: the site's name, a few paragraphs, at most one link to act on, and a
 * line saying why the mail came. Plain text and HTML ({@code mail/letter.jte}, escaped by JTE) carry the same
 * words, in the site's language.
 */
@Component
public class Letters {

    /** The one thing the reader of a mail may do: follow {@code url}. */
    public record Action(String label, String url) {
    }

    private final TemplateEngine templates;
    private final SiteProperties site;

    Letters(TemplateEngine templates, SiteProperties site) {
        this.templates = templates;
        this.site = site;
    }

    public Mail letter(String to, String subject, List<String> paragraphs, Action action, String why) {
        return letter(to, subject, paragraphs, action, why, Map.of());
    }

    public Mail letter(String to, String subject, List<String> paragraphs, Action action, String why,
            Map<String, String> headers) {
        return letter(to, subject, paragraphs, action, why, null, headers);
    }

    /**
     * A mail someone may stop: {@code stop} is the link that stops this kind of mail, shown under the reason
     * (notifications; their {@code List-Unsubscribe} header goes in {@code headers}).
     */
    public Mail letter(String to, String subject, List<String> paragraphs, Action action, String why, Action stop,
            Map<String, String> headers) {
        String fullSubject = subject + " · " + site.name();
        StringBuilder text = new StringBuilder(site.name()).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        if (action != null) {
            text.append(action.label()).append(":\n").append(action.url()).append("\n\n");
        }
        text.append("-- \n").append(why).append("\n");
        if (stop != null) {
            text.append(stop.label()).append(": ").append(stop.url()).append("\n");
        }
        text.append(site.name()).append(" · ").append(site.baseUrl())
                .append("\n");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("siteName", site.name());
        model.put("siteUrl", site.baseUrl());
        model.put("language", site.language());
        model.put("subject", fullSubject);
        model.put("paragraphs", paragraphs);
        model.put("action", action);
        model.put("why", why);
        model.put("stop", stop);
        StringOutput html = new StringOutput();
        templates.render("mail/letter.jte", model, html);
        return new Mail(to, fullSubject, text.toString(), html.toString(), headers);
    }

    /** The site's address with {@code path} after it, for links in mails. */
    public String link(String path) {
        String base = site.baseUrl().endsWith("/") ? site.baseUrl().substring(0, site.baseUrl().length() - 1)
                : site.baseUrl();
        return base + path;
    }
}
