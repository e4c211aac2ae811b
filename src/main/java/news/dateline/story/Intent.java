package news.dateline.story;

/** What a writer asks for when saving the editor form. */
public enum Intent {
    /** Keep the text; on a published story the change is live at once (an update). */
    SAVE,
    /** The editor's periodic save of a draft. */
    AUTOSAVE,
    /** Store the edit of a published story for review; the published version stays live. */
    PENDING,
    PUBLISH,
    SCHEDULE,
    UNPUBLISH,
    /** A published update with a public note in the corrections box. */
    CORRECT
}
