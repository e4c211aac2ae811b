package news.dateline.site;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The sample site's photos, drawn here with Java2D when the sample site is written: made by us, so we may ship
 * them (CC0, see src/main/resources/sample/LICENCE.md). Each scene is the same picture on every start (a fixed
 * seed), 2400 × 1600 so that the library's large crops exist.
 */
final class SamplePhotos {

    static final String CREDIT = "Dateline sample art";
    static final int WIDTH = 2400;
    static final int HEIGHT = 1600;

    private SamplePhotos() {
    }

    /** The scene as a JPEG; an unknown name is refused (the sample's photo list is ours). */
    static byte[] jpeg(String scene) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
        Random random = new Random(scene.hashCode());
        switch (scene) {
            case "flood" -> flood(g, random);
            case "assembly" -> assembly(g, random);
            case "skyline" -> skyline(g, random);
            case "observatory" -> observatory(g, random);
            case "stage" -> stage(g, random);
            default -> throw new IllegalArgumentException("no sample scene '" + scene + "'");
        }
        g.dispose();
        return encode(image);
    }

    /** A river over its banks at dusk: a levee, the water holding the sky, a row of roofs half under it. */
    private static void flood(Graphics2D g, Random random) {
        sky(g, 0.62f, new Color(0x2b3a67), new Color(0xe07a5f), new Color(0xf2cc8f));
        sun(g, 1700, 930, 120, new Color(0xffe0a3));
        hills(g, random, 0.55, new Color(0x4a4e69), 6);
        float horizon = HEIGHT * 0.62f;
        g.setPaint(new GradientPaint(0, horizon, new Color(0xc98b6b), 0, HEIGHT, new Color(0x1d3557)));
        g.fill(new Rectangle2D.Float(0, horizon, WIDTH, HEIGHT - horizon));
        // reflections: long flat strokes of the sky's colours
        for (int i = 0; i < 140; i++) {
            float y = horizon + 10 + random.nextFloat() * (HEIGHT - horizon - 10);
            float x = random.nextFloat() * WIDTH;
            g.setColor(new Color(255, 220, 170, 30 + random.nextInt(60)));
            g.fill(new Rectangle2D.Float(x, y, 60 + random.nextFloat() * 380, 3 + random.nextFloat() * 4));
        }
        // the levee, broken in the middle
        g.setColor(new Color(0x3d405b));
        g.fill(new Rectangle2D.Float(0, horizon - 40, 980, 60));
        g.fill(new Rectangle2D.Float(1260, horizon - 40, WIDTH - 1260, 60));
        // roofs standing out of the water
        for (int i = 0; i < 9; i++) {
            float x = 150 + i * 250 + random.nextInt(60);
            float y = horizon + 180 + random.nextInt(120);
            GeneralPath roof = new GeneralPath();
            roof.moveTo(x, y);
            roof.lineTo(x + 90, y - 80);
            roof.lineTo(x + 180, y);
            roof.closePath();
            g.setColor(new Color(0x6d2e46));
            g.fill(roof);
            g.setColor(new Color(0x2f3e46));
            g.fill(new Rectangle2D.Float(x + 15, y, 150, 40));
        }
    }

    /** A parliament's dome and columns at dawn, flags on the roof. */
    private static void assembly(Graphics2D g, Random random) {
        sky(g, 0.7f, new Color(0x8ecae6), new Color(0xffd6a5), new Color(0xfff1e6));
        float ground = HEIGHT * 0.78f;
        g.setColor(new Color(0x9a8c98));
        g.fill(new Rectangle2D.Float(0, ground, WIDTH, HEIGHT - ground));
        Color stone = new Color(0xe9e3d5);
        Color shade = new Color(0xb8b08d);
        g.setColor(stone);
        g.fill(new Rectangle2D.Float(500, 780, 1400, ground - 780));
        // the dome and its drum
        g.fill(new Rectangle2D.Float(940, 560, 520, 230));
        g.fill(new Arc2D.Float(900, 300, 600, 520, 0, 180, Arc2D.CHORD));
        g.setColor(shade);
        g.fill(new Rectangle2D.Float(1185, 230, 30, 90));
        // columns and the pediment
        for (int i = 0; i < 12; i++) {
            float x = 560 + i * 112;
            g.setPaint(new GradientPaint(x, 0, stone, x + 50, 0, shade));
            g.fill(new Rectangle2D.Float(x, 860, 50, ground - 880));
        }
        GeneralPath pediment = new GeneralPath();
        pediment.moveTo(480, 860);
        pediment.lineTo(1200, 700);
        pediment.lineTo(1920, 860);
        pediment.closePath();
        g.setColor(stone);
        g.fill(pediment);
        g.setColor(new Color(0x5c677d));
        g.fill(new Rectangle2D.Float(420, ground - 30, 1560, 30));
        // flags
        for (int x : new int[] {560, 1840}) {
            g.setColor(new Color(0x333333));
            g.fill(new Rectangle2D.Float(x, 560, 10, 300));
            g.setColor(new Color(0x1d4e89));
            g.fill(new Rectangle2D.Float(x + 10, 560, 150, 90));
            g.setColor(new Color(0xf4d35e));
            g.fill(new Rectangle2D.Float(x + 10, 595, 150, 20));
        }
        people(g, random, ground, 60, new Color(0x22223b));
    }

    /** Office towers at dusk with their windows lit, a river in front. */
    private static void skyline(Graphics2D g, Random random) {
        sky(g, 0.8f, new Color(0x14213d), new Color(0x6a4c93), new Color(0xff9f1c));
        float base = HEIGHT * 0.8f;
        for (int layer = 0; layer < 2; layer++) {
            for (float x = -50; x < WIDTH; ) {
                float w = 120 + random.nextFloat() * 160;
                float h = (layer == 0 ? 500 : 300) + random.nextFloat() * (layer == 0 ? 650 : 500);
                Color body = layer == 0 ? new Color(0x2b2d42) : new Color(0x1b1b2f);
                g.setColor(body);
                g.fill(new Rectangle2D.Float(x, base - h, w, h));
                g.setColor(new Color(255, 214, 120, layer == 0 ? 150 : 220));
                for (float wy = base - h + 30; wy < base - 20; wy += 42) {
                    for (float wx = x + 14; wx < x + w - 24; wx += 34) {
                        if (random.nextInt(100) < 45) {
                            g.fill(new Rectangle2D.Float(wx, wy, 16, 22));
                        }
                    }
                }
                x += w + (layer == 0 ? 40 : 10);
            }
        }
        g.setPaint(new GradientPaint(0, base, new Color(0x3a2e5a), 0, HEIGHT, new Color(0x0b132b)));
        g.fill(new Rectangle2D.Float(0, base, WIDTH, HEIGHT - base));
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(255, 200, 110, 40 + random.nextInt(80)));
            g.fill(new Rectangle2D.Float(random.nextFloat() * WIDTH, base + 8 + random.nextFloat() * (HEIGHT - base),
                    20 + random.nextFloat() * 90, 3));
        }
    }

    /** An observatory's dome under the stars, a bright planet low over the hills. */
    private static void observatory(Graphics2D g, Random random) {
        sky(g, 1f, new Color(0x03045e), new Color(0x023e8a), new Color(0x0077b6));
        for (int i = 0; i < 900; i++) {
            float size = 1.5f + random.nextFloat() * (random.nextInt(20) == 0 ? 6 : 2.5f);
            g.setColor(new Color(255, 255, 255, 90 + random.nextInt(165)));
            g.fill(new Ellipse2D.Float(random.nextFloat() * WIDTH, random.nextFloat() * HEIGHT * 0.8f, size, size));
        }
        g.setPaint(new RadialGradientPaint(new Point2D.Float(1750, 420), 160, new float[] {0f, 0.6f, 1f},
                new Color[] {new Color(0xcaf0f8), new Color(0x48cae4), new Color(0x48cae4, true)}));
        g.fill(new Ellipse2D.Float(1590, 260, 320, 320));
        hills(g, random, 0.72, new Color(0x10002b), 5);
        g.setColor(new Color(0xdee2e6));
        g.fill(new Rectangle2D.Float(700, 1060, 420, 260));
        g.fill(new Arc2D.Float(680, 860, 460, 420, 0, 180, Arc2D.CHORD));
        g.setColor(new Color(0x343a40));
        g.fill(new Rectangle2D.Float(880, 860, 60, 210));
        g.setStroke(new BasicStroke(18));
        g.drawLine(910, 900, 1080, 700);
        g.setColor(new Color(0x10002b));
        g.fill(new Rectangle2D.Float(0, 1300, WIDTH, HEIGHT - 1300));
    }

    /** A stage: red curtains, spotlights crossing, an audience in silhouette. */
    private static void stage(Graphics2D g, Random random) {
        g.setColor(new Color(0x0d0d0d));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setPaint(new GradientPaint(0, 300, new Color(0x3c1518), 0, 1200, new Color(0x69140e)));
        g.fill(new Rectangle2D.Float(300, 200, 1800, 1000));
        for (int i = 0; i < 16; i++) {
            float x = i < 8 ? 300 + i * 55 : 1660 + (i - 8) * 55;
            g.setPaint(new GradientPaint(x, 0, new Color(0x9d0208), x + 55, 0, new Color(0x370617)));
            g.fill(new Rectangle2D.Float(x, 200, 55, 1000));
        }
        g.setPaint(new GradientPaint(0, 200, new Color(0x9d0208), 0, 360, new Color(0x6a040f)));
        g.fill(new Rectangle2D.Float(300, 200, 1800, 160));
        for (float[] beam : new float[][] {{500, 1300}, {1900, 1000}, {1200, 1150}}) {
            GeneralPath cone = new GeneralPath();
            cone.moveTo(beam[0], 0);
            cone.lineTo(beam[1] - 260, 1200);
            cone.lineTo(beam[1] + 260, 1200);
            cone.closePath();
            g.setPaint(new GradientPaint(beam[0], 0, new Color(255, 240, 200, 120), beam[0], 1200,
                    new Color(255, 240, 200, 20)));
            g.fill(cone);
        }
        g.setColor(new Color(0x7f5539));
        g.fill(new Rectangle2D.Float(200, 1200, 2000, 60));
        people(g, random, HEIGHT, 40, new Color(0x050505));
    }

    /** A sky of three colours from the top to {@code horizon} (a share of the height). */
    private static void sky(Graphics2D g, float horizon, Color top, Color middle, Color low) {
        g.setPaint(new LinearGradientPaint(0, 0, 0, HEIGHT * horizon, new float[] {0f, 0.6f, 1f},
                new Color[] {top, middle, low}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, WIDTH, HEIGHT);
    }

    private static void sun(Graphics2D g, float x, float y, float r, Color color) {
        g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), r * 3, new float[] {0f, 0.3f, 1f},
                new Color[] {color, new Color(color.getRed(), color.getGreen(), color.getBlue(), 120),
                        new Color(color.getRed(), color.getGreen(), color.getBlue(), 0)}));
        g.fill(new Ellipse2D.Float(x - r * 3, y - r * 3, r * 6, r * 6));
    }

    /** A ridge of hills whose foot is at {@code level} (a share of the height). */
    private static void hills(Graphics2D g, Random random, double level, Color color, int bumps) {
        GeneralPath ridge = new GeneralPath();
        float foot = (float) (HEIGHT * level);
        ridge.moveTo(0, foot);
        for (int i = 0; i <= bumps; i++) {
            float x = WIDTH * i / (float) bumps;
            ridge.quadTo(x - WIDTH / (2f * bumps), foot - 120 - random.nextInt(220), x, foot - 40 - random.nextInt(60));
        }
        ridge.lineTo(WIDTH, foot);
        ridge.closePath();
        g.setColor(color);
        g.fill(ridge);
    }

    /** Heads and shoulders along the bottom edge. */
    private static void people(Graphics2D g, Random random, float bottom, int count, Color color) {
        g.setColor(color);
        for (int i = 0; i < count; i++) {
            float x = random.nextFloat() * WIDTH;
            float h = 90 + random.nextFloat() * 70;
            g.fill(new Ellipse2D.Float(x, bottom - h - 60, 50, 56));
            g.fill(new Arc2D.Float(x - 30, bottom - h, 110, h * 2, 0, 180, Arc2D.CHORD));
        }
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.86f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
