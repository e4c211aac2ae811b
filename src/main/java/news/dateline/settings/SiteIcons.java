package news.dateline.settings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import news.dateline.media.MediaRepository;
import news.dateline.media.MediaStore;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.SiteChanged;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The icons browsers and phones ask for by name, and the web manifest with the site's name from its settings. The
 * icons are made from the library picture an admin chose as the site's icon (its square crop, resized here and kept
 * until the settings change), else drawn with ImageIO (no font needed: the site's mark, a white rule on the
 * accent red).
 */
@Controller
class SiteIcons {

    private static final Color ACCENT = new Color(0xb0, 0x00, 0x20);
    /** An hour, not a day: after an admin picks another icon, browsers and front caches ask again soon. */
    private static final CacheControl AN_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final SiteSettings settings;
    private final MediaRepository media;
    private final MediaStore files;
    private final Icons mark = new Icons(0, ico(png(32)), png(180), png(192), png(512));
    /** The icons made from the chosen picture, for its id; dropped when the settings change. */
    private final AtomicReference<Icons> chosen = new AtomicReference<>();

    SiteIcons(SiteSettings settings, MediaRepository media, MediaStore files) {
        this.settings = settings;
        this.media = media;
        this.files = files;
    }

    /** The four sizes of one icon, as served. */
    record Icons(long mediaId, byte[] favicon, byte[] touch, byte[] manifest, byte[] large) {
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> favicon() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).contentType(MediaType.parseMediaType("image/x-icon"))
                .body(icons().favicon());
    }

    @GetMapping("/apple-touch-icon.png")
    ResponseEntity<byte[]> touchIcon() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).contentType(MediaType.IMAGE_PNG).body(icons().touch());
    }

    @GetMapping("/icon-192.png")
    ResponseEntity<byte[]> manifestIcon() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).contentType(MediaType.IMAGE_PNG).body(icons().manifest());
    }

    @GetMapping("/icon-512.png")
    ResponseEntity<byte[]> largeIcon() {
        return ResponseEntity.ok().cacheControl(AN_HOUR).contentType(MediaType.IMAGE_PNG).body(icons().large());
    }

    /**
     * The chosen picture's icons, made once from its square JPEG (upright and free of metadata already) and kept;
     * the site's mark when none is chosen or the picture is gone from the library or not readable.
     */
    Icons icons() {
        long id = settings.current().iconMedia();
        if (id <= 0) {
            return mark;
        }
        Icons made = chosen.get();
        if (made != null && made.mediaId() == id) {
            return made;
        }
        Optional<BufferedImage> source = media.servedJpeg(id, true, 512)
                .flatMap(served -> files.find(MediaStore.Area.PUBLIC, served.name()))
                .flatMap(SiteIcons::read);
        if (source.isEmpty()) {
            return mark; // not kept: the picture may be ready on the next request
        }
        BufferedImage square = source.get();
        made = new Icons(id, ico(png(resized(square, 32))), png(resized(square, 180)), png(resized(square, 192)),
                png(resized(square, 512)));
        chosen.set(made);
        return made;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (change instanceof SiteChanged site && site.kind() == SiteChanged.Kind.SETTINGS) {
            chosen.set(null);
        }
    }

    private static Optional<BufferedImage> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return Optional.ofNullable(ImageIO.read(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code source} scaled to {@code size} pixels square (the library's square crop; a stray shape is stretched). */
    static BufferedImage resized(BufferedImage source, int size) {
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    @GetMapping("/site.webmanifest")
    ResponseEntity<String> manifest() {
        Settings site = settings.current();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = json.createObjectNode();
        root.put("name", site.name());
        root.put("short_name", site.name().length() <= 12 ? site.name() : site.name().substring(0, 12).strip());
        root.put("description", site.tagline());
        root.put("lang", site.language());
        root.put("start_url", "/");
        root.put("display", "browser");
        root.put("theme_color", "#b00020");
        root.put("background_color", "#ffffff");
        var icons = root.putArray("icons");
        icons.addObject().put("src", "/icon-192.png").put("sizes", "192x192").put("type", "image/png");
        icons.addObject().put("src", "/icon-512.png").put("sizes", "512x512").put("type", "image/png");
        if (!site.hasIcon()) { // the SVG is the Dateline mark: left out once a picture is the site's icon
            icons.addObject().put("src", "/assets/icon.svg").put("sizes", "any").put("type", "image/svg+xml");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.parseMediaType("application/manifest+json")).body(json.writeValueAsString(root));
    }

    static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The mark at {@code size} pixels square, as PNG. */
    static byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(ACCENT);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, size / 5.0, size / 5.0));
            g.setColor(Color.WHITE);
            int margin = size / 5;
            g.fillRect(margin, size * 3 / 10, size - 2 * margin, Math.max(2, size / 8));
            g.fillRect(margin, size * 11 / 20, (size - 2 * margin) * 2 / 3, Math.max(2, size / 12));
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** An .ico file holding one PNG image (every browser since IE 11 reads those). */
    static byte[] ico(byte[] png) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        ico.put((byte) 32).put((byte) 32).put((byte) 0).put((byte) 0); // 32×32, no palette
        ico.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
        ico.putInt(png.length).putInt(6 + 16);
        ico.put(png);
        return ico.array();
    }
}
