package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Where a file may be uploaded, and by whom: today one place, the newsroom's WordPress import
 * ({@code POST /newsroom/import}, administrators). A multipart body anywhere else is refused before a byte of it is
 * read ({@link RequestEdgeFilter}); one sent here is size-checked against {@code spring.servlet.multipart.*} first,
 * and read only for a signed-in administrator ({@link UploadGate}). Without this, the container spooled any
 * multipart body to disk, up to 512 MB, the moment anything asked for a request parameter.
 */
public final class Uploads {

    static final String IMPORT = "/newsroom/import";

    private Uploads() {
    }

    /** multipart/form-data or any other multipart type (the servlet container and Spring read them all). */
    public static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static boolean acceptedAt(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && IMPORT.equals(request.getRequestURI());
    }
}
