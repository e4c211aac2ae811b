package news.dateline.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.dateline.story.photo.AgencyPhotos;
import news.dateline.story.photo.PhotoIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Picture items into the photo library (docs/wire.md, "Pictures"). Outside any transaction, where a file is read:
 * the best rendition is fetched ({@link #attach}: from beside the file in a provider's folder, or over HTTP by the
 * feed's own client) and checked by the library's own rules, so a missing or unusable picture sends its item to
 * {@code error/} with the reason. In the file's transaction ({@link #store}): taken in, replaced by a newer version,
 * or withdrawn by a kill, through {@link AgencyPhotos}; the wire item remembers its library item.
 */
@Component
class WirePictures {

    /** The largest picture fetched; the library's own limit ({@code DATELINE_MEDIA_MAX_SIZE}) applies after. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The library's centre: IPTC has no standard focal point, and the examples carry no region of interest. */
    private static final int CENTRE = 500;
    private static final Logger log = LoggerFactory.getLogger(WirePictures.class);

    /** Where a rendition's bytes come from: a provider's folder, or its HTTP feed. */
    interface Fetcher {

        /** The file's bytes, with the name to keep in the library and, for a file in a folder, where it is. */
        Fetched fetch(String href) throws BadWireFile;
    }

    record Fetched(String name, byte[] bytes, Path local) {
    }

    /** A source that fetches nothing (a feed without a client): its pictures are refused with the reason. */
    static final Fetcher NOWHERE = href -> {
        throw new BadWireFile("the picture \"" + href + "\" cannot be fetched from here");
    };

    /** The library refused a picture in the file's transaction: the file goes to {@code error/} with the reason. */
    static final class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason);
        }
    }

    private final AgencyPhotos photos;
    private final WireRepository items;

    WirePictures(AgencyPhotos photos, WireRepository items) {
        this.photos = photos;
        this.items = items;
    }

    /**
     * Each usable picture item with its best rendition fetched and checked by the library (nothing is stored); a kill
     * or a withheld version needs no file. Throws, naming the file, when one cannot be fetched or would be refused.
     */
    List<WireItem> attach(List<WireItem> read, Fetcher fetcher) throws BadWireFile {
        List<WireItem> out = new ArrayList<>(read.size());
        for (WireItem item : read) {
            if (!item.isPicture() || item.pubStatus() != WireItem.PubStatus.USABLE) {
                out.add(item);
                continue;
            }
            WirePicture.Rendition best = item.picture().best().orElseThrow(() -> new BadWireFile(
                    "the picture item " + item.guid() + " names no image rendition to take"));
            Fetched file = fetcher.fetch(best.href());
            Optional<String> refusal = photos.refusal(file.name(), file.bytes());
            if (refusal.isPresent()) {
                throw new BadWireFile("the picture of " + item.guid() + " is refused by the photo library: "
                        + refusal.get());
            }
            List<Path> others = new ArrayList<>();
            if (fetcher instanceof InFolder folder) {
                for (WirePicture.Rendition other : item.picture().renditions()) {
                    folder.locate(other.href()).filter(p -> !p.equals(file.local()) && !others.contains(p))
                            .ifPresent(others::add);
                }
            }
            out.add(item.withPicture(item.picture().fetched(file.name(), file.bytes(), file.local(), others)));
        }
        return out;
    }

    /** The picture files beside these items in a folder: they leave {@code incoming/} with the item's file. */
    static List<Path> companions(List<WireItem> read) {
        return read.stream().filter(i -> i.picture() != null && i.picture().local() != null)
                .flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i.picture().local()),
                        i.picture().others().stream()))
                .distinct().toList();
    }

    /**
     * A relative or {@code file:} address, taken from the provider's folder ({@code incoming/}, where the item's file
     * is): any other scheme, and any path leading out of the folder (by {@code ..} or a link), is refused.
     */
    static Fetcher folder(Path incoming) {
        return new InFolder(incoming);
    }

    /** A provider's folder: fetches as {@link #folder} says, and finds an item's other renditions beside it. */
    private record InFolder(Path incoming) implements Fetcher {

        /** The rendition's file when it is a picture file in the folder; empty otherwise (nothing is refused). */
        Optional<Path> locate(String href) {
            try {
                Path file = fetchPath(href);
                return Files.isRegularFile(file) && file.toRealPath().startsWith(incoming.toRealPath())
                        ? Optional.of(file) : Optional.empty();
            } catch (BadWireFile | IOException | RuntimeException notHere) {
                return Optional.empty();
            }
        }

        private Path fetchPath(String href) throws BadWireFile, IOException {
            Path dir = incoming.toRealPath();
            if (href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                if (!href.regionMatches(true, 0, "file:", 0, 5)) {
                    throw new BadWireFile("not a file");
                }
                return Path.of(URI.create(href)).toAbsolutePath().normalize();
            }
            return dir.resolve(decoded(href)).toAbsolutePath().normalize();
        }

        @Override
        public Fetched fetch(String href) throws BadWireFile {
            return fetchFrom(incoming, href);
        }
    }

    private static Fetched fetchFrom(Path incoming, String href) throws BadWireFile {
        Path dir;
        try {
            dir = incoming.toRealPath();
        } catch (IOException e) {
            throw new BadWireFile("the provider's folder cannot be read (" + e.getMessage() + ")");
        }
        Path file;
        if (href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            if (!href.regionMatches(true, 0, "file:", 0, 5)) {
                throw new BadWireFile("the picture \"" + href + "\" is not a file beside the item: a folder "
                        + "provider takes only pictures in its own folder");
            }
            try {
                file = Path.of(URI.create(href));
            } catch (IllegalArgumentException e) {
                throw new BadWireFile("the picture address \"" + href + "\" is not a file address");
            }
        } else {
            file = dir.resolve(decoded(href));
        }
        file = file.toAbsolutePath().normalize();
        String shown = file.startsWith(dir) ? dir.relativize(file).toString() : href;
        if (!file.startsWith(dir)) {
            throw new BadWireFile("the picture \"" + href + "\" is outside the provider's folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadWireFile("the picture file \"" + shown + "\" named by the item is not in the folder");
        }
        try {
            if (!file.toRealPath().startsWith(dir)) {
                throw new BadWireFile("the picture \"" + href + "\" is outside the provider's folder");
            }
            return new Fetched(file.getFileName().toString(), read(Files.newInputStream(file), shown), file);
        } catch (IOException e) {
            throw new BadWireFile("the picture file \"" + shown + "\" cannot be read (" + e.getMessage() + ")");
        }
    }

    /** At most {@link #MAX_BYTES}: one byte more and the picture is refused unread. */
    static byte[] read(InputStream in, String shown) throws IOException, BadWireFile {
        try (in) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BadWireFile("the picture \"" + shown + "\" is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return bytes;
        }
    }

    private static String decoded(String relative) {
        try {
            String path = new URI(relative).getPath();
            return path == null || path.isEmpty() ? relative : path;
        } catch (java.net.URISyntaxException notEncoded) {
            return relative; // "a photo.jpg": a plain file name
        }
    }

    /**
     * In the file's transaction: the version just stored becomes the library's. A usable version is taken in (the
     * first) or replaces the file and texts of the item it became (a newer one); a kill withdraws it; a withheld
     * version changes nothing in the library. Returns what the event line adds.
     */
    String store(Provider provider, long itemId, WireItem item, Instant at) {
        Optional<Long> media = items.mediaOf(itemId);
        if (item.pubStatus() == WireItem.PubStatus.CANCELED) {
            if (media.isEmpty()) {
                return ": killed (it was not in the photo library)";
            }
            photos.withdraw(media.get(), "Killed by " + provider.name() + " at " + at + " (" + item.guid()
                    + "): this picture may not be used.");
            log.warn("Wire {}: picture {} killed, withdrawn from the photo library (#{})", provider.name(),
                    item.guid(), media.get());
            return ": killed, photo #" + media.get() + " withdrawn";
        }
        if (item.pubStatus() != WireItem.PubStatus.USABLE) {
            return ": withheld, the photo library is not changed";
        }
        WirePicture picture = item.picture();
        String caption = !picture.caption().isEmpty() ? picture.caption() : item.description();
        String alt = !caption.isEmpty() ? caption : item.headline();
        String credit = !picture.credit().isEmpty() ? picture.credit()
                : !provider.sourceCredit().isBlank() ? provider.sourceCredit() : provider.name();
        AgencyPhotos.Picture described = new AgencyPhotos.Picture(picture.file(), picture.bytes(), alt, caption,
                credit, provider.name(), picture.copyright(), CENTRE, CENTRE);
        PhotoIntake.Outcome outcome = media.isPresent() ? photos.replace(media.get(), described)
                : photos.take(described);
        if (!outcome.isTaken()) {
            throw new Refused(outcome.refusal());
        }
        items.media(itemId, outcome.mediaId());
        return media.isPresent() && media.get().equals(outcome.mediaId())
                ? ": photo #" + outcome.mediaId() + " updated" : ": photo #" + outcome.mediaId() + " in the library";
    }
}
