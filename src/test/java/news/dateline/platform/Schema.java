package news.dateline.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A database's schema reduced to what must be the same on SQLite and PostgreSQL: tables and views; columns (type
 * family, nullability, whether there is a default, whether the database numbers it); primary keys; indexes (name,
 * columns in order with DESC, unique, partial); foreign keys (columns, target, ON DELETE). Read from the catalogs
 * (sqlite_master and the pragma_* functions; pg_catalog and information_schema), Flyway's own history table left out.
 *
 * <p>Not compared: CHECK constraints and default values (their text differs by dialect: {@code 0} and {@code FALSE}),
 * index predicates beyond "partial", and column order.
 *
 * <p>Each fact is one line keyed by table and name, so {@link #differencesFrom} can name the table and column.
 */
record Schema(String database, SortedMap<String, SortedMap<String, String>> tables) {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** A table's facts, keyed "column x", "primary key", "index x", "unique (a, b)", "foreign key (a)". */
    SortedMap<String, String> table(String name) {
        return tables.get(name);
    }

    static Schema read(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return readSqlite(connection);
        }
        if (product.contains("postgres")) {
            return readPostgres(connection);
        }
        throw new IllegalArgumentException("No schema reader for " + product);
    }

    /**
     * Every difference as one readable line, naming the table (and column, index, key); empty when the two agree.
     * A table missing on one side is one line listing its columns, not one line per column.
     */
    List<String> differencesFrom(Schema other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        names.addAll(other.tables.keySet());
        for (String name : names) {
            SortedMap<String, String> mine = tables.get(name);
            SortedMap<String, String> theirs = other.tables.get(name);
            if (mine == null || theirs == null) {
                Schema present = mine == null ? other : this;
                differences.add("table " + name + ": only in " + present.database + " " + columnsOf(present.tables.get(name)));
                continue;
            }
            TreeSet<String> facts = new TreeSet<>(mine.keySet());
            facts.addAll(theirs.keySet());
            for (String fact : facts) {
                String a = mine.get(fact);
                String b = theirs.get(fact);
                String where = name.startsWith("view ") ? name : "table " + name;
                if (a == null) {
                    differences.add(where + ", " + fact + ": only in " + other.database + " (" + b + ")");
                } else if (b == null) {
                    differences.add(where + ", " + fact + ": only in " + database + " (" + a + ")");
                } else if (!a.equals(b)) {
                    differences.add(where + ", " + fact + " differs: " + database + " " + a + "; " + other.database + " " + b);
                }
            }
        }
        return differences;
    }

    private static String columnsOf(Map<String, String> facts) {
        List<String> columns = new ArrayList<>();
        facts.forEach((fact, description) -> {
            if (fact.startsWith("column ")) {
                columns.add(fact.substring("column ".length()) + " " + description);
            }
        });
        return columns.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(database).append(" schema\n");
        tables.forEach((name, facts) -> {
            text.append(name.startsWith("view ") ? name : "table " + name).append('\n');
            facts.forEach((fact, description) -> text.append("  ").append(fact).append(": ").append(description).append('\n'));
        });
        return text.toString();
    }

    // --- SQLite ---

    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITHOUT_ROWID = Pattern.compile("\\bWITHOUT\\s+ROWID\\b", Pattern.CASE_INSENSITIVE);

    private static Schema readSqlite(Connection connection) throws SQLException {
        SortedMap<String, SortedMap<String, String>> tables = new TreeMap<>();
        for (List<String> row : rows(connection, """
                SELECT type, name, coalesce(sql, '') FROM sqlite_master
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?
                """, FLYWAY_HISTORY)) {
            String name = row.get(1);
            if (row.get(0).equals("view")) {
                tables.put("view " + name, new TreeMap<>());
                continue;
            }
            String createSql = row.get(2);
            SortedMap<String, String> facts = new TreeMap<>();
            tables.put(name, facts);

            // cid, name, type, notnull, dflt_value, pk (position in the primary key, 0 when not part of it)
            List<List<String>> columns = rows(connection,
                    "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", name);
            TreeMap<Integer, String> primaryKey = new TreeMap<>();
            for (List<String> column : columns) {
                int pk = Integer.parseInt(column.get(4));
                if (pk > 0) {
                    primaryKey.put(pk, column.get(0));
                }
            }
            for (List<String> column : columns) {
                String declared = column.get(1);
                // A lone INTEGER PRIMARY KEY is the rowid: SQLite never stores NULL there (it numbers the row
                // instead), whatever pragma_table_info says about NOT NULL. Any other primary key column in SQLite
                // does accept NULL unless declared NOT NULL, so that stays as declared.
                boolean rowid = primaryKey.size() == 1 && primaryKey.containsValue(column.get(0))
                        && declared.equalsIgnoreCase("INTEGER") && !WITHOUT_ROWID.matcher(createSql).find();
                boolean notNull = column.get(2).equals("1") || rowid;
                boolean numbered = rowid && AUTOINCREMENT.matcher(createSql).find();
                facts.put("column " + column.get(0),
                        describeColumn(sqliteFamily(declared), notNull, column.get(3) != null, numbered));
            }
            if (!primaryKey.isEmpty()) {
                facts.put("primary key", "(" + String.join(", ", primaryKey.values()) + ")");
            }

            // seq, name, unique, origin (c: CREATE INDEX, u: UNIQUE constraint, pk: PRIMARY KEY), partial
            for (List<String> index : rows(connection,
                    "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", name)) {
                if (index.get(2).equals("pk")) {
                    continue; // the primary key is compared as such
                }
                List<String> keyColumns = new ArrayList<>();
                for (List<String> column : rows(connection,
                        "SELECT coalesce(name, '<expression>'), \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                        index.get(0))) {
                    keyColumns.add(column.get(0) + (column.get(1).equals("1") ? " DESC" : ""));
                }
                putIndex(facts, index.get(2).equals("u") ? null : index.get(0), keyColumns,
                        index.get(1).equals("1"), index.get(3).equals("1"));
            }

            // id, seq, table, from, to, on_update, on_delete, match: one row per column of each foreign key
            TreeMap<Integer, List<List<String>>> foreignKeys = new TreeMap<>();
            for (List<String> reference : rows(connection,
                    "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                    name)) {
                foreignKeys.computeIfAbsent(Integer.parseInt(reference.get(0)), id -> new ArrayList<>()).add(reference);
            }
            for (List<List<String>> key : foreignKeys.values()) {
                String target = key.getFirst().get(1);
                List<String> from = key.stream().map(column -> column.get(2)).toList();
                List<String> to = new ArrayList<>();
                for (List<String> column : key) {
                    to.add(column.get(3));
                }
                if (to.contains(null)) { // REFERENCES parent without columns: the parent's primary key
                    to = rows(connection, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", target)
                            .stream().map(List::getFirst).toList();
                }
                putForeignKey(facts, from, target, to, key.getFirst().get(4));
            }
        }
        return new Schema("sqlite", tables);
    }

    /** SQLite's own affinity rules (datatype3.html, 3.1), with BOOLEAN kept apart as the declared intent. */
    static String sqliteFamily(String declared) {
        String type = declared.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return "integer";
        }
        if (type.contains("BOOL")) {
            return "boolean";
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return "text";
        }
        if (type.isBlank() || type.contains("BLOB")) {
            return "blob";
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return "real";
        }
        return "numeric";
    }

    // --- PostgreSQL ---

    private static Schema readPostgres(Connection connection) throws SQLException {
        SortedMap<String, SortedMap<String, String>> tables = new TreeMap<>();
        for (List<String> row : rows(connection, """
                SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v') AND c.relname <> ?
                """, FLYWAY_HISTORY)) {
            if (row.get(0).equals("v")) {
                tables.put("view " + row.get(1), new TreeMap<>());
            } else {
                tables.put(row.get(1), new TreeMap<>());
            }
        }

        for (List<String> column : rows(connection, """
                SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> ?
                """, FLYWAY_HISTORY)) {
            SortedMap<String, String> facts = tables.get(column.get(0));
            if (facts == null) {
                continue; // a view's columns
            }
            String columnDefault = column.get(4);
            boolean serial = columnDefault != null && columnDefault.startsWith("nextval(");
            boolean numbered = "YES".equals(column.get(5)) || serial;
            facts.put("column " + column.get(1), describeColumn(postgresFamily(column.get(2)),
                    column.get(3).equals("NO"), columnDefault != null && !serial, numbered));
        }

        for (List<String> index : rows(connection, """
                SELECT t.relname, i.relname, x.indexrelid::text, x.indisprimary, x.indisunique, x.indpred IS NOT NULL,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u')
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname <> ?
                """, FLYWAY_HISTORY)) {
            SortedMap<String, String> facts = tables.get(index.get(0));
            List<String> keyColumns = new ArrayList<>();
            for (List<String> column : rows(connection, """
                    SELECT pg_get_indexdef(x.indexrelid, k.n, true), (x.indoption[k.n - 1] & 1) = 1
                    FROM pg_index x, generate_series(1, x.indnkeyatts) AS k(n)
                    WHERE x.indexrelid = ?::oid ORDER BY k.n
                    """, index.get(2))) {
                String expression = column.get(0);
                String name = expression.matches("[a-z_][a-z0-9_]*") ? expression : "<expression>";
                keyColumns.add(name + (column.get(1).equals("t") ? " DESC" : ""));
            }
            if (index.get(3).equals("t")) {
                facts.put("primary key", "(" + String.join(", ", keyColumns) + ")");
            } else {
                putIndex(facts, index.get(6).equals("t") ? null : index.get(1), keyColumns,
                        index.get(4).equals("t"), index.get(5).equals("t"));
            }
        }

        for (List<String> key : rows(connection, """
                SELECT t.relname, f.relname, k.confdeltype::text,
                       (SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(att, ord)
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.att),
                       (SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(att, ord)
                        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.att)
                FROM pg_constraint k
                JOIN pg_class t ON t.oid = k.conrelid
                JOIN pg_class f ON f.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE k.contype = 'f' AND n.nspname = current_schema() AND t.relname <> ?
                """, FLYWAY_HISTORY)) {
            String onDelete = switch (key.get(2)) {
                case "a" -> "NO ACTION";
                case "r" -> "RESTRICT";
                case "c" -> "CASCADE";
                case "n" -> "SET NULL";
                case "d" -> "SET DEFAULT";
                default -> key.get(2);
            };
            putForeignKey(tables.get(key.get(0)), List.of(key.get(3).split(",")), key.get(1),
                    List.of(key.get(4).split(",")), onDelete);
        }
        return new Schema("postgresql", tables);
    }

    static String postgresFamily(String dataType) {
        return switch (dataType) {
            case "smallint", "integer", "bigint" -> "integer";
            case "boolean" -> "boolean";
            case "text", "character varying", "character" -> "text";
            case "bytea" -> "blob";
            case "real", "double precision" -> "real";
            case "numeric" -> "numeric";
            default -> dataType; // anything else (timestamp, jsonb …) has no SQLite twin and shows up as itself
        };
    }

    // --- shared ---

    private static String describeColumn(String family, boolean notNull, boolean hasDefault, boolean numbered) {
        return family + (notNull ? " NOT NULL" : " NULL") + (hasDefault ? ", has a default" : "")
                + (numbered ? ", numbered by the database" : "");
    }

    /** Named indexes are compared by name; the unnamed ones behind UNIQUE constraints by their columns. */
    private static void putIndex(Map<String, String> facts, String name, List<String> columns, boolean unique,
            boolean partial) {
        String on = "(" + String.join(", ", columns) + ")";
        if (name == null) {
            facts.put("unique constraint " + on, "unique" + (partial ? ", partial" : ""));
        } else {
            facts.put("index " + name, "on " + on + (unique ? ", unique" : "") + (partial ? ", partial" : ""));
        }
    }

    private static void putForeignKey(Map<String, String> facts, List<String> from, String target, List<String> to,
            String onDelete) {
        facts.put("foreign key (" + String.join(", ", from) + ")",
                "references " + target + " (" + String.join(", ", to) + ") ON DELETE " + onDelete.toUpperCase(Locale.ROOT));
    }

    private static List<List<String>> rows(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int column = 1; column <= width; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
