package news.dateline.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.dateline.support.SiteClient.Page;

/** A staff member signed in through the real login form, sending the newsroom's forms with the session's CSRF token. */
public final class NewsroomForms {

    private final SiteClient client;
    private final String csrf;
    public final String username;

    private NewsroomForms(SiteClient client, String username) {
        this.client = client;
        this.username = username;
        this.csrf = client.get("/newsroom").html().select("input[name=_csrf]").attr("value");
        if (csrf.isEmpty()) {
            throw new IllegalStateException("No CSRF token on /newsroom for " + username);
        }
    }

    /** A new account with this role (admin, editor, author, contributor), signed in. */
    public static NewsroomForms as(RunningSite site, String role) {
        String username = TestAccounts.create(site, role);
        return new NewsroomForms(site.site().signIn(username, TestAccounts.PASSWORD), username);
    }

    /** An existing account (made by {@link TestAccounts}), signed in. */
    public static NewsroomForms signedIn(RunningSite site, String username) {
        return new NewsroomForms(site.site().signIn(username, TestAccounts.PASSWORD), username);
    }

    public Page get(String path) {
        return client.get(path);
    }

    /** Field names and values in turn; a name may repeat (checkboxes). */
    public Page post(String path, String... fieldsAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.add(Map.entry(fieldsAndValues[i], fieldsAndValues[i + 1]));
        }
        fields.add(Map.entry("_csrf", csrf));
        return client.postForm(path, fields);
    }

    /** Without the token: what a forged cross-site form would send. */
    public Page postWithoutCsrf(String path, String... fieldsAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return client.postForm(path, fields);
    }
}
