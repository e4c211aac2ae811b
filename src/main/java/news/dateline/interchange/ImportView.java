package news.dateline.interchange;

import java.util.List;

/** What the import page shows: a problem, or the summary of the file just imported; and the options chosen. */
public record ImportView(String problem, String fileName, List<String> summary, boolean dryRun,
        boolean flattenCategories) {

    static ImportView empty() {
        return new ImportView(null, null, List.of(), false, false);
    }
}
