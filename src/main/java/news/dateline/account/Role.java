package news.dateline.account;

import java.util.Locale;

public enum Role {
    ADMIN, EDITOR, AUTHOR, CONTRIBUTOR;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
