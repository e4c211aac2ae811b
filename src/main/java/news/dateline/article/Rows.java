package news.dateline.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column conversions shared by this feature's repositories. */
final class Rows {

    private Rows() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Section section(ResultSet rs) throws SQLException {
        return new Section(rs.getLong("section_id"), rs.getString("section_slug"),
                rs.getString("section_name"), rs.getString("section_description"));
    }
}
