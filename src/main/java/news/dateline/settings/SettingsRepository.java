package news.dateline.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code site_setting}: one row per setting an admin saved; a missing row means the default. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT name, value FROM site_setting").query(rs -> {
            values.put(rs.getString("name"), rs.getString("value"));
        });
        return values;
    }

    /** Stores one setting, leaving the others (inside the caller's transaction). */
    void put(String name, String value) {
        jdbc.sql("DELETE FROM site_setting WHERE name = :name").param("name", name).update();
        jdbc.sql("INSERT INTO site_setting (name, value) VALUES (:name, :value)").param("name", name)
                .param("value", value).update();
    }

    /** Replaces every stored setting with these (inside the caller's transaction). */
    void replace(Map<String, String> values) {
        jdbc.sql("DELETE FROM site_setting").update();
        values.forEach((name, value) -> jdbc.sql("INSERT INTO site_setting (name, value) VALUES (:name, :value)")
                .param("name", name).param("value", value).update());
    }
}
