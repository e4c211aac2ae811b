package news.dateline.platform;

/** Thrown when a reader asks for something that does not exist; rendered as the site's 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
