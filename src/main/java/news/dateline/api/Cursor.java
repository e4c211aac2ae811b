package news.dateline.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.Refusal;

/**
 * Where a page of stories ends: the last story's publication time and id, the keyset the next page starts below
 * ({@code ORDER BY published_at DESC, id DESC}). A story published after the first page was read is newer than
 * every cursor, so it never shifts a later page: nothing is skipped or repeated while the newsroom publishes.
 * Opaque to clients (base64url of {@code v1:<millis>:<id>}); a cursor that is not one is refused, naming the field.
 */
record Cursor(Instant publishedAt, long id) {

    static final String NOT_A_CURSOR = "Not a cursor from this API: use the \"next\" link of the previous page.";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:" + publishedAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Cursor> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII)
                    .split(":");
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw Refusal.invalid(Map.of("cursor", NOT_A_CURSOR));
            }
            return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) { // bad base64, or not numbers
            throw Refusal.invalid(Map.of("cursor", NOT_A_CURSOR));
        }
    }
}
