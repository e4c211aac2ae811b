package news.dateline.platform;

import java.util.List;

/**
 * What an administrator should know about how this node runs (the base URL, the scheduled backups): shown on the
 * newsroom dashboard to admins. Implemented where the knowledge is, collected by the dashboard, so the newsroom
 * depends on nothing but this.
 */
public interface OperationsNotes {

    /** One line: {@code problem} when something needs doing, else a plain statement. */
    record Note(boolean problem, String text) {
    }

    List<Note> notes();
}
