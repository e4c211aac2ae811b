package news.dateline.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One version of one agency item as a reader understood it, whatever the format: what the desk shows and what a
 * story is made from. {@code versionNumber} is null when the item has none (or a non-numeric one); then
 * {@code versionCreated} decides which version is newer.
 */
record WireItem(
        String format,
        String guid,
        String type,
        String versionLabel,
        Long versionNumber,
        Instant versionCreated,
        PubStatus pubStatus,
        Integer urgency,
        String headline,
        String slugline,
        String description,
        String bodyHtml,
        String byline,
        String located,
        List<String> subjects,
        String credit,
        Instant embargoedUntil,
        WirePicture picture,
        List<String> associated) {

    /** IPTC's publishing status: {@code canceled} is the kill, {@code withheld} holds the item back for now. */
    enum PubStatus {
        USABLE, WITHHELD, CANCELED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static PubStatus fromColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        /** ninjs {@code usable}/{@code withheld}/{@code canceled}, NewsML-G2 {@code stat:usable}, NewsML 1.2 {@code Usable}. */
        static PubStatus parse(String value) {
            if (value == null || value.isBlank()) {
                return USABLE;
            }
            String code = value.strip().toLowerCase(java.util.Locale.ROOT);
            code = code.substring(code.lastIndexOf(':') + 1);
            return switch (code) {
                case "withheld" -> WITHHELD;
                case "canceled", "cancelled", "kill", "killed" -> CANCELED;
                default -> USABLE;
            };
        }
    }

    /** A text item, or an item whose picture (if any) is not read: as every reader made them before pictures. */
    WireItem(String format, String guid, String type, String versionLabel, Long versionNumber, Instant versionCreated,
            PubStatus pubStatus, Integer urgency, String headline, String slugline, String description,
            String bodyHtml, String byline, String located, List<String> subjects, String credit,
            Instant embargoedUntil) {
        this(format, guid, type, versionLabel, versionNumber, versionCreated, pubStatus, urgency, headline, slugline,
                description, bodyHtml, byline, located, subjects, credit, embargoedUntil, null, List.of());
    }

    WireItem {
        headline = text(headline);
        slugline = text(slugline);
        description = text(description);
        bodyHtml = text(bodyHtml);
        byline = text(byline);
        located = text(located);
        credit = text(credit);
        versionLabel = text(versionLabel);
        type = type == null || type.isBlank() ? "text" : type.strip();
        subjects = subjects == null ? List.of() : subjects.stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
        associated = associated == null ? List.of() : associated.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** A picture item with what its format says of the picture: it becomes an item of the photo library. */
    boolean isPicture() {
        return type.equals("picture") && picture != null;
    }

    /** The same item with its picture fetched. */
    WireItem withPicture(WirePicture fetched) {
        return new WireItem(format, guid, type, versionLabel, versionNumber, versionCreated, pubStatus, urgency,
                headline, slugline, description, bodyHtml, byline, located, subjects, credit, embargoedUntil, fetched,
                associated);
    }

    /** Text items (and composites with a text body) reach the desk as copy; pictures go to the library. */
    boolean isText() {
        return type.equals("text") || type.equals("composite");
    }

    /** The same content twice is one version: a file dropped again, or sent by two routes. */
    String contentHash() {
        String all = String.join("\u0000", format, guid, type, versionLabel, String.valueOf(versionCreated),
                pubStatus.column(), String.valueOf(urgency), headline, slugline, description, bodyHtml, byline,
                located, String.join("\u0001", subjects), credit, String.valueOf(embargoedUntil));
        if (picture != null || !associated.isEmpty()) {
            // Only then: the hashes of text items stored before pictures were read stay as they were.
            all += "\u0000" + (picture == null ? "" : picture.hashPart()) + "\u0000"
                    + String.join("\u0001", associated);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A version number when the label is one ("3", " 12 "); null otherwise. */
    static Long number(String label) {
        if (label == null || !label.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(label.strip());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
