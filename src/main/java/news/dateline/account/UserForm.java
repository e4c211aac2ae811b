package news.dateline.account;

/** The add-user form as typed; {@code author} is an author id, or blank for none. */
public record UserForm(String username, String role, String password, String author, String newAuthorName) {

    static final UserForm EMPTY = new UserForm("", "author", "", "", "");

    public UserForm {
        username = username == null ? "" : username;
        role = role == null ? "" : role;
        password = password == null ? "" : password;
        author = author == null ? "" : author;
        newAuthorName = newAuthorName == null ? "" : newAuthorName;
    }

    Long authorIdOrNull() {
        try {
            return author.isBlank() ? null : Long.valueOf(author.strip());
        } catch (NumberFormatException e) {
            return -1L; // no such author: the service says so beside the field
        }
    }

    UserForm withoutPassword() {
        return new UserForm(username, role, "", author, newAuthorName);
    }
}
