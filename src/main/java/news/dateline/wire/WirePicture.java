package news.dateline.wire;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a picture item says about its picture, whatever the format: its renditions and rights, and, once fetched
 * ({@link WirePictures#attach}), the chosen rendition's bytes. {@code file} is the fetched file's name;
 * {@code local} the file beside the item in a provider's folder (moved with it), null for a fetched address;
 * {@code others} the item's other renditions found beside it (moved with it too, never taken).
 */
record WirePicture(List<Rendition> renditions, String copyrightNotice, String copyrightHolder, String usageTerms,
        String caption, String credit, byte[] bytes, String file, Path local, List<Path> others) {

    /** The names providers give their largest rendition: ninjs {@code original}, NewsML-G2 {@code rnd:highRes}. */
    private static final Set<String> ORIGINALS = Set.of("original", "highres", "hires", "baseimage", "supplied");

    /** One rendition: its name (role), address, pixels (0 when not said) and type. */
    record Rendition(String name, String href, int width, int height, String contentType) {

        Rendition {
            name = name == null ? "" : name.strip();
            href = href == null ? "" : href.strip();
            contentType = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        }

        /** An image by its type, or by its address when the type is not said (a NITF caption is not one). */
        boolean isImage() {
            if (href.isEmpty()) {
                return false;
            }
            if (!contentType.isEmpty()) {
                return contentType.startsWith("image/");
            }
            String path = href.toLowerCase(Locale.ROOT).replaceAll("[?#].*", "");
            return path.matches(".*\\.(jpe?g|png|gif|webp)$");
        }

        boolean isOriginal() {
            String plain = name.substring(name.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
            return ORIGINALS.contains(plain);
        }
    }

    WirePicture {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        copyrightNotice = text(copyrightNotice);
        copyrightHolder = text(copyrightHolder);
        usageTerms = text(usageTerms);
        caption = text(caption);
        credit = text(credit);
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** As read, before anything is fetched. */
    static WirePicture described(List<Rendition> renditions, String notice, String holder, String terms,
            String caption, String credit) {
        return new WirePicture(renditions, notice, holder, terms, caption, credit, null, null, null, List.of());
    }

    WirePicture fetched(String name, byte[] content, Path beside, List<Path> alsoBeside) {
        return new WirePicture(renditions, copyrightNotice, copyrightHolder, usageTerms, caption, credit, content, name,
                beside, List.copyOf(alsoBeside));
    }

    /**
     * The rendition to take: the largest the provider calls its original (original, highRes, baseImage, supplied),
     * else the largest image; the first named when none says its width.
     */
    Optional<Rendition> best() {
        List<Rendition> images = renditions.stream().filter(Rendition::isImage).toList();
        List<Rendition> originals = images.stream().filter(Rendition::isOriginal).toList();
        List<Rendition> from = originals.isEmpty() ? images : originals;
        return from.stream().max(Comparator.comparingInt(Rendition::width)
                .thenComparing(Comparator.comparingInt(from::indexOf).reversed()));
    }

    /** The copyright line the library keeps: the notice, else "© holder", with the usage terms after it. */
    String copyright() {
        String line = !copyrightNotice.isEmpty() ? copyrightNotice
                : copyrightHolder.isEmpty() ? "" : "© " + copyrightHolder;
        return usageTerms.isEmpty() ? line : line.isEmpty() ? usageTerms : line + ". " + usageTerms;
    }

    /** What makes two versions of a picture differ, for the item's content hash. */
    String hashPart() {
        StringBuilder all = new StringBuilder(String.join("\u0001", copyrightNotice, copyrightHolder, usageTerms,
                caption, credit, String.valueOf(file)));
        renditions.forEach(r -> all.append('\u0002').append(r.name()).append('\u0001').append(r.href()));
        if (bytes != null) {
            all.append('\u0002').append(java.util.Arrays.hashCode(bytes)).append(':').append(bytes.length);
        }
        return all.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
