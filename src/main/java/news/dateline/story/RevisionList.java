package news.dateline.story;

import java.util.List;

/** A story's revisions, newest first, and the diff between the two chosen ({@code from} older, {@code to} newer). */
public record RevisionList(EditableArticle article, List<Row> rows, Row from, Row to, List<FieldDiff> diff) {

    public record Row(Revision revision, String when) {
    }

    public record FieldDiff(String label, List<TextDiff.Part> parts) {
        public boolean changed() {
            return parts.stream().anyMatch(p -> p.kind() != TextDiff.Kind.SAME);
        }
    }
}
