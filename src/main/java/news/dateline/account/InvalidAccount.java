package news.dateline.account;

import java.util.Map;

/** A form's values broke the rules: each problem named by the field it belongs beside. */
public final class InvalidAccount extends RuntimeException {

    private final transient Map<String, String> problems;

    InvalidAccount(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
