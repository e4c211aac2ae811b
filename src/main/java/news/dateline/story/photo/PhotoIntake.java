package news.dateline.story.photo;

/**
 * Taking a picture into the library from outside the newsroom's upload (a WordPress import's uploads folder), with
 * the same checks as an upload. The library owns the pictures, so media implements this; callers that may not use
 * media (interchange) reach it here, as the editor reaches {@link LeadPhotoDesk}.
 */
public interface PhotoIntake {

    /** What became of one file: the library item it is (new, or the same bytes taken before), or why not. */
    record Outcome(Long mediaId, String refusal) {

        public static Outcome taken(long mediaId) {
            return new Outcome(mediaId, null);
        }

        /** {@code refusal} names the file, as the library's messages do. */
        public static Outcome refused(String refusal) {
            return new Outcome(null, refusal);
        }

        public boolean isTaken() {
            return mediaId != null;
        }
    }

    /**
     * Checks and keeps the file, inside the caller's transaction if there is one (its sizes are made after that
     * commits). Nothing is stored for a refused file.
     */
    Outcome take(String filename, byte[] bytes, String alt, String caption, String uploadedBy);
}
