package news.dateline.mail;

import java.util.Map;

/**
 * One mail to one person: plain text and simple HTML of the same content, and any extra headers
 * ({@code List-Unsubscribe}). Built by {@link Letters}, stored by {@link Outbox}.
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {

    public Mail {
        if (to == null || !to.contains("@")) {
            throw new IllegalArgumentException("A mail needs an address to go to");
        }
        headers = Map.copyOf(headers);
    }
}
