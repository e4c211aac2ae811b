package news.dateline.edge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/security.txt} (RFC 9116): how to report a vulnerability, from the settings. {@code Expires} is
 * always just under a year ahead, as the RFC recommends, so a site that keeps running never publishes a stale file;
 * {@code Canonical} is on the base URL. Without a contact there is no file (404), rather than one nobody reads.
 */
@RestController
class SecurityTxtController {

    static final String PATH = "/.well-known/security.txt";
    private static final Duration AHEAD = Duration.ofDays(364);

    private final SecurityContactProperties contacts;
    private final SiteProperties site;
    private final Clock clock;

    SecurityTxtController(SecurityContactProperties contacts, SiteProperties site, Clock clock) {
        this.contacts = contacts;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping(PATH)
    ResponseEntity<String> securityTxt() {
        if (contacts.contact().isEmpty()) {
            throw Refusal.notFound("No security contact is configured (DATELINE_SECURITY_CONTACT).");
        }
        StringBuilder text = new StringBuilder();
        for (String contact : contacts.contact()) {
            text.append("Contact: ").append(contact).append('\n');
        }
        text.append("Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS))).append('\n');
        text.append("Preferred-Languages: ").append(site.language()).append('\n');
        text.append("Canonical: ").append(site.baseUrl().replaceAll("/+$", "")).append(PATH).append('\n');
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(text.toString());
    }
}
