package news.dateline.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The version of the last migration Flyway applied, from its history table; "none" before the first start. */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    public static String of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT version FROM flyway_schema_history
                        WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC""")) {
            return row.next() ? row.getString(1) : "none";
        } catch (SQLException noHistory) {
            if (connection.getMetaData().getTables(null, null, "flyway_schema_history", null).next()) {
                throw noHistory;
            }
            return "none";
        }
    }
}
