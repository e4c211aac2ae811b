package news.dateline.interchange;

/** The file is not well-formed XML or not a WordPress export: nothing of it is imported. */
public class WxrFormatException extends RuntimeException {

    private final int line;
    private final int column;

    WxrFormatException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
