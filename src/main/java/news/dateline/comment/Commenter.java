package news.dateline.comment;

/** The name, email and website a reader asked this browser to remember (the {@code dateline_commenter} cookie). */
record Commenter(String name, String email, String website) {
}
