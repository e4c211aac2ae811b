package news.dateline.newsroom;

import java.util.List;
import news.dateline.article.EditableArticle;
import news.dateline.article.Revision;

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
