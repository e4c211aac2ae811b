package news.dateline.comment;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The two cookies a commenter may carry. Their names start with {@code dateline_}, which tells the page cache to
 * render the article for this reader alone: {@code dateline_pending} holds a random token that lets the author
 * see their comments while they wait for a moderator (the database keeps only its SHA-256);
 * {@code dateline_commenter} keeps name, email and website, and is set only when the reader ticks "Save my name…".
 * The token is HttpOnly (no script reads it). The commenter cookie is not: the form's script fills the form in from
 * it on cached pages, which are the same for every reader; it holds only what the reader typed into a form on this
 * site and would show in that form anyway. Both are SameSite=Lax, and Secure on HTTPS.
 */
final class CommenterCookies {

    static final String PENDING = "dateline_pending";
    static final String COMMENTER = "dateline_commenter";
    static final Duration PENDING_LIFETIME = Duration.ofDays(30);
    static final Duration COMMENTER_LIFETIME = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char SEPARATOR = '\u0000';
    /** Browsers keep cookies up to about 4 KB; a longer remembered identity is simply not remembered. */
    private static final int MAX_COOKIE_VALUE = 3800;

    private CommenterCookies() {
    }

    static Optional<String> pendingToken(HttpServletRequest request) {
        return value(request, PENDING).filter(v -> v.matches("[A-Za-z0-9_-]{16,64}"));
    }

    static String newPendingToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static void setPending(HttpServletRequest request, HttpServletResponse response, String token) {
        add(request, response, PENDING, token, PENDING_LIFETIME, true);
    }

    static void clearPending(HttpServletRequest request, HttpServletResponse response) {
        add(request, response, PENDING, "", Duration.ZERO, true);
    }

    static Optional<Commenter> commenter(HttpServletRequest request) {
        return value(request, COMMENTER).flatMap(CommenterCookies::decode);
    }

    static void remember(HttpServletRequest request, HttpServletResponse response, Commenter who) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (clean(who.name()) + SEPARATOR + clean(who.email()) + SEPARATOR + clean(who.website()))
                        .getBytes(StandardCharsets.UTF_8));
        if (value.length() <= MAX_COOKIE_VALUE) {
            add(request, response, COMMENTER, value, COMMENTER_LIFETIME, false);
        }
    }

    /** Unticking "Save my name…" forgets what was saved, as the box promises. */
    static void forget(HttpServletRequest request, HttpServletResponse response) {
        if (value(request, COMMENTER).isPresent()) {
            add(request, response, COMMENTER, "", Duration.ZERO, false);
        }
    }

    private static Optional<Commenter> decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            return parts.length == 3 ? Optional.of(new Commenter(parts[0], parts[1], parts[2])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String clean(String text) {
        return text.replace(String.valueOf(SEPARATOR), "");
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static void add(HttpServletRequest request, HttpServletResponse response, String name, String value,
            Duration maxAge, boolean httpOnly) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(httpOnly)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
