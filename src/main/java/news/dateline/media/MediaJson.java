package news.dateline.media;

import java.util.List;

/**
 * An item as the API answers it: what the newsroom says about it, whether its sizes are ready, and the address of
 * each size. {@code original} is the newsroom's download of the upload as sent (staff only).
 */
record MediaJson(long id, String filename, String contentType, int width, int height, String alt, String caption,
        String credit, String source, String copyright, Focal focalPoint, String state, String failure,
        String original, List<File> derivatives) {

    record Focal(int x, int y) {
    }

    record File(String crop, String format, int width, int height, String url) {
    }

    static MediaJson of(MediaItem item, List<Derivative> derivatives) {
        return new MediaJson(item.id(), item.filename(), item.contentType(), item.width(), item.height(), item.alt(),
                item.caption(), item.credit(), item.source(), item.copyright(),
                new Focal(item.focalX(), item.focalY()), item.state(), item.failure(),
                "/newsroom/media/" + item.id() + "/original",
                derivatives.stream().map(d -> new File(d.crop().code(), d.format().code(), d.width(), d.height(),
                        d.url())).toList());
    }
}
