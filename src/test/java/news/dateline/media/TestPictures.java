package news.dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Pictures made by the tests: a JPEG carrying what a source must not leak (GPS position, camera serial number,
 * owner's name) and a rotation in EXIF, written as a hand-built APP1 segment; a PNG whose header claims more pixels
 * than any page needs (a decompression bomb); and plain ones.
 */
public final class TestPictures {

    static final String SERIAL = "SN-4417-TESTCAM";
    static final String OWNER = "Jane Q. Source";

    private TestPictures() {
    }

    /**
     * {@code width} × {@code height} as stored, left half red and right half blue, with EXIF orientation 6 (the
     * camera was turned a quarter clockwise: shown upright it is {@code height} wide, red on top), GPS 51°N, the
     * camera's serial number and its owner's name.
     */
    static byte[] leakyRotatedJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return withExif(jpeg(image), exifApp1(6));
    }

    public static byte[] plainJpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return jpeg(image);
    }

    static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose header says {@code width} × {@code height} and whose data inflates to gigabytes of zeros. */
    static byte[] bombPng(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        Deflater deflater = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < 64; i++) { // 64 MB of zeros, a few tens of KB compressed
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with an APP1 segment put right after its SOI marker. */
    static byte[] withExif(byte[] jpeg, byte[] app1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app1);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * An APP1 "Exif" segment, big-endian TIFF: IFD0 with Orientation and pointers to an Exif IFD (BodySerialNumber,
     * CameraOwnerName) and a GPS IFD (51° 30' 0" N, 0° 7' 0" W).
     */
    static byte[] exifApp1(int orientation) {
        // Offsets are from the start of the TIFF header. IFD0 at 8: 3 entries -> 2 + 36 + 4 = 42 bytes, ends at 50.
        int exifIfd = 50;                       // 2 entries: 2 + 24 + 4 = 30 bytes, ends at 80
        int serialAt = 80;                      // 16 bytes
        int ownerAt = 96;                       // 16 bytes
        int gpsIfd = 112;                       // 4 entries: 2 + 48 + 4 = 54 bytes, ends at 166
        int latitudeAt = 166;                   // 3 rationals = 24 bytes
        int longitudeAt = 190;                  // 24 bytes, ends at 214
        ByteBuffer tiff = ByteBuffer.allocate(214);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        entry(tiff, 0x0112, 3, 1, orientation << 16);           // Orientation, SHORT, left-justified
        entry(tiff, 0x8769, 4, 1, exifIfd);                      // ExifIFDPointer
        entry(tiff, 0x8825, 4, 1, gpsIfd);                       // GPSInfoIFDPointer
        tiff.putInt(0);
        tiff.putShort((short) 2);
        entry(tiff, 0xA430, 2, 16, ownerAt);                     // CameraOwnerName
        entry(tiff, 0xA431, 2, 16, serialAt);                    // BodySerialNumber
        tiff.putInt(0);
        tiff.put(ascii16(SERIAL));
        tiff.put(ascii16(OWNER));
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);                    // GPSLatitudeRef "N\0"
        entry(tiff, 0x0002, 5, 3, latitudeAt);                   // GPSLatitude
        entry(tiff, 0x0003, 2, 2, 'W' << 24);                    // GPSLongitudeRef "W\0"
        entry(tiff, 0x0004, 5, 3, longitudeAt);                  // GPSLongitude
        tiff.putInt(0);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
        tiff.putInt(0).putInt(1).putInt(7).putInt(1).putInt(0).putInt(1);
        byte[] body = tiff.array();
        int length = 2 + 6 + body.length;
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
        segment.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        segment.put(body);
        return segment.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] ascii16(String text) {
        byte[] bytes = new byte[16];
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, bytes, 0, Math.min(15, t.length));
        return bytes;
    }
}
