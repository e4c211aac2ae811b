package news.dateline.taxonomy;

import java.sql.ResultSet;
import java.sql.SQLException;
import news.dateline.platform.Slugs;

public record Section(long id, String slug, String name, String description) {

    /** The section of a row that selected it as {@code section_id}, {@code section_slug}, {@code section_name}, ... */
    public static Section from(ResultSet rs) throws SQLException {
        return new Section(rs.getLong("section_id"), rs.getString("section_slug"),
                rs.getString("section_name"), rs.getString("section_description"));
    }

    public String path() {
        return Slugs.inUrl("/" + slug + "/");
    }
}
