package news.dateline.wire.provider;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The providers screen's form as typed, and its checks: each problem named beside its field, the input kept. */
public record ProviderForm(String name, String credit, String kind, String url, String pollSeconds,
        String expectedMinutes, String credential, Boolean autoUpdate) {

    static final String BAD_NAME = "A name of lower-case letters, digits and hyphens, up to 40 (it names the folder).";
    static final String NAME_TAKEN = "There is already a provider with this name.";
    static final String BAD_KIND = "Choose a folder or an HTTP feed.";
    static final String BAD_URL = "An http:// or https:// address of a ninjs JSON, NewsML, RSS or Atom feed.";
    static final String BAD_POLL = "Seconds between polls: a whole number from 1 to 86400.";
    static final String BAD_EXPECTED = "Minutes: a whole number from 0 (no warning) to 10080.";
    static final String BAD_CREDIT = "At most 100 characters.";
    static final String BAD_CREDENTIAL = "At most 500 characters.";
    static final String FIRST_NAME = "The first provider keeps the name wire: it reads <data dir>/wire/incoming.";
    static final String FIRST_KIND = "The first provider reads its folder; add another provider for a feed.";
    static final String TYPED_AND_REMOVED = "Type a new credential or remove the stored one, not both.";

    /** The form once it passed: what is stored. */
    record Valid(String name, String credit, String kind, String url, int pollSeconds, int expectedMinutes,
            String credential, boolean autoUpdate) {
    }

    public ProviderForm {
        name = name == null ? "" : name.strip();
        credit = credit == null ? "" : credit.strip();
        kind = kind == null || kind.isBlank() ? "http" : kind.strip();
        url = url == null ? "" : url.strip();
        pollSeconds = pollSeconds == null || pollSeconds.isBlank() ? "60" : pollSeconds.strip();
        expectedMinutes = expectedMinutes == null || expectedMinutes.isBlank() ? "0" : expectedMinutes.strip();
        credential = credential == null ? "" : credential.strip();
        autoUpdate = Boolean.TRUE.equals(autoUpdate);
    }

    static ProviderForm empty() {
        return new ProviderForm("", "", "http", "", "60", "0", "", false);
    }

    /** An existing provider's settings as the edit form shows them; its credential is never shown. */
    static ProviderForm of(FeedProviders.Row row) {
        return new ProviderForm(row.name(), row.sourceCredit(), row.kind(), row.url(),
                String.valueOf(row.pollSeconds()), String.valueOf(row.expectedMinutes()), "", row.autoUpdate());
    }

    /** The checks for an edit of {@code row}: the add form's, and the first provider stays the folder "wire". */
    Map<String, String> problemsEditing(FeedProviders.Row row, boolean nameTaken, boolean removeCredential) {
        Map<String, String> problems = problems(nameTaken);
        if (row.name().equals("wire") && !name.equals("wire")) {
            problems.put("name", FIRST_NAME);
        }
        if (row.name().equals("wire") && !kind.equals("folder")) {
            problems.put("kind", FIRST_KIND);
        }
        if (removeCredential && !credential.isEmpty()) {
            problems.put("credential", TYPED_AND_REMOVED);
        }
        return problems;
    }

    /** The form as it comes back: everything typed but the credential, which is never sent back to the browser. */
    ProviderForm withoutCredential() {
        return new ProviderForm(name, credit, kind, url, pollSeconds, expectedMinutes, "", autoUpdate);
    }

    Map<String, String> problems(boolean nameTaken) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.put("name", BAD_NAME);
        } else if (nameTaken) {
            problems.put("name", NAME_TAKEN);
        }
        if (credit.length() > 100) {
            problems.put("credit", BAD_CREDIT);
        }
        if (!kind.equals("folder") && !kind.equals("http")) {
            problems.put("kind", BAD_KIND);
        }
        if (kind.equals("http") && !httpUrl(url)) {
            problems.put("url", BAD_URL);
        }
        if (number(pollSeconds, 1, 86_400) == null) {
            problems.put("pollSeconds", BAD_POLL);
        }
        if (number(expectedMinutes, 0, 10_080) == null) {
            problems.put("expectedMinutes", BAD_EXPECTED);
        }
        if (credential.length() > 500) {
            problems.put("credential", BAD_CREDENTIAL);
        }
        return problems;
    }

    Valid valid() {
        return new Valid(name, credit, kind, kind.equals("http") ? url : "", number(pollSeconds, 1, 86_400),
                number(expectedMinutes, 0, 10_080), kind.equals("http") ? credential : "", autoUpdate);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Integer number(String text, int min, int max) {
        if (!text.matches("\\d{1,6}")) {
            return null;
        }
        int n = Integer.parseInt(text);
        return n < min || n > max ? null : n;
    }
}
