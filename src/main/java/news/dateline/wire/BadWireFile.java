package news.dateline.wire;

/**
 * A file the desk cannot take: not JSON or XML, not valid against the format's schema, without an identifier, too
 * large, or with a DTD. Not a {@link news.dateline.platform.Refusal}: nobody is waiting for an answer; the reason is
 * written beside the file in {@code error/} ({@code <file>.reason.txt}), with the line or the field when known.
 */
final class BadWireFile extends Exception {

    private final String where;

    BadWireFile(String reason, String where) {
        super(reason);
        this.where = where == null ? "" : where;
    }

    BadWireFile(String reason) {
        this(reason, "");
    }

    /** "line 3, column 7" or "field /headlines/0/value"; empty when the whole file is at fault. */
    String where() {
        return where;
    }

    /** What {@code .reason.txt} holds. */
    String report() {
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
