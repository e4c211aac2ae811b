package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import news.dateline.platform.Role;

/**
 * Where a file may be uploaded, and by whom: the newsroom's WordPress import ({@code POST /newsroom/import},
 * administrators) and the photo library ({@code POST /newsroom/media} and {@code POST /api/v1/media}, and a picture's new file at
 * {@code POST /newsroom/media/{id}/file} and {@code POST /api/v1/media/{id}/file}; authors,
 * editors and administrators). A multipart body anywhere else is refused before a byte of it is
 * read ({@link RequestEdgeFilter}); one sent here is size-checked against {@code spring.servlet.multipart.*} first,
 * and read only for a signed-in account of a role that may upload there ({@link UploadGate}). Without this, the container spooled any
 * multipart body to disk, up to 512 MB, the moment anything asked for a request parameter.
 */
public final class Uploads {

    static final String IMPORT = "/newsroom/import";
    /** The photo library's uploads (news.dateline.media, docs/media.md): the newsroom's form and the API. */
    static final Set<String> MEDIA = Set.of("/newsroom/media", "/api/v1/media");
    /** A new file for a picture in the library: {@code POST /newsroom/media/{id}/file} and the API's twin. */
    static final java.util.regex.Pattern MEDIA_FILE = java.util.regex.Pattern.compile(
            "/(newsroom|api/v1)/media/\\d{1,18}/file");

    private Uploads() {
    }

    /** multipart/form-data or any other multipart type (the servlet container and Spring read them all). */
    public static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static boolean acceptedAt(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (IMPORT.equals(request.getRequestURI()) || isMedia(request));
    }

    private static boolean isMedia(HttpServletRequest request) {
        String path = request.getRequestURI();
        return MEDIA.contains(path) || MEDIA_FILE.matcher(path).matches();
    }

    /** Whether an account of this role may send an upload here: photos from authors up, imports admins only. */
    public static boolean mayUpload(HttpServletRequest request, Role role) {
        if (isMedia(request)) {
            return role != Role.CONTRIBUTOR;
        }
        return role == Role.ADMIN;
    }
}
