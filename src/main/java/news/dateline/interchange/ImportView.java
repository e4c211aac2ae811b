package news.dateline.interchange;

import java.util.List;

/**
 * What the import page shows: a problem, or the summary of the file just imported; and the options chosen.
 * {@code uploadsProblem} is shown beside the uploads zip's field (a zip refused before anything was imported).
 */
public record ImportView(String problem, String fileName, List<String> summary, boolean dryRun,
        boolean flattenCategories, String uploadsProblem) {

    ImportView(String problem, String fileName, List<String> summary, boolean dryRun, boolean flattenCategories) {
        this(problem, fileName, summary, dryRun, flattenCategories, null);
    }

    static ImportView empty() {
        return new ImportView(null, null, List.of(), false, false);
    }
}
