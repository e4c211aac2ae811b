package news.dateline.story;

import java.util.Map;

/** The draft breaks a rule; {@link #problems()} names each field with a message for the writer. Nothing was written. */
public class InvalidArticle extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidArticle(Map<String, String> problems) {
        super("Invalid article: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
