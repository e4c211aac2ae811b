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
import java.time.Duration;
import javax.imageio.ImageIO;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The icons browsers and phones ask for by name, drawn with ImageIO (no font needed: the site's mark, a white rule
 * on the accent red), and the web manifest with the site's name from its settings.
 */
@Controller
class SiteIcons {

    private static final Color ACCENT = new Color(0xb0, 0x00, 0x20);
    private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final SiteSettings settings;
    private final byte[] favicon = ico(png(32));
    private final byte[] touchIcon = png(180);
    private final byte[] manifestIcon = png(192);

    SiteIcons(SiteSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> favicon() {
        return ResponseEntity.ok().cacheControl(A_DAY).contentType(MediaType.parseMediaType("image/x-icon"))
                .body(favicon);
    }

    @GetMapping("/apple-touch-icon.png")
    ResponseEntity<byte[]> touchIcon() {
        return ResponseEntity.ok().cacheControl(A_DAY).contentType(MediaType.IMAGE_PNG).body(touchIcon);
    }

    @GetMapping("/icon-192.png")
    ResponseEntity<byte[]> manifestIcon() {
        return ResponseEntity.ok().cacheControl(A_DAY).contentType(MediaType.IMAGE_PNG).body(manifestIcon);
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
        icons.addObject().put("src", "/assets/icon.svg").put("sizes", "any").put("type", "image/svg+xml");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.parseMediaType("application/manifest+json")).body(json.writeValueAsString(root));
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
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
