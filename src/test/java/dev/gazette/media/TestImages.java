package dev.gazette.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Real image files for the tests, made with ImageIO (and one WebP made once with Debian's {@code cwebp}, in
 * {@code src/test/resources/media}): what a camera, a designer or an attacker would upload.
 */
final class TestImages {

	/** Where every photo from {@link #photoWithGps} says it was taken: 31°46'N 35°14'E. */
	static final String GPS_MARKER = "GPS-MARKER-Jerusalem-31.7767N-35.2345E";

	/** The camera serial number every photo from {@link #photoWithGps} carries. */
	static final String SERIAL = "SERIAL-0042-ZX81";

	private TestImages() {
	}

	/** A JPEG: the left half red, the right half blue. */
	static byte[] jpeg(int width, int height) {
		return encode(halves(width, height, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE), "jpeg");
	}

	/**
	 * A JPEG as a phone writes it: an EXIF APP1 segment right after SOI, with the orientation tag and a GPS IFD whose
	 * text (and a camera serial number) the test can look for in every stored rendition.
	 */
	static byte[] photoWithGps(int width, int height, int orientation) {
		byte[] plain = jpeg(width, height);
		byte[] app1 = exif(orientation);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.write(app1, 0, app1.length);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A PNG with an alpha channel: a red square on a fully transparent background. */
	static byte[] pngWithAlpha(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(200, 0, 0, 255));
		graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		return encode(image, "png");
	}

	static byte[] gif(int width, int height) {
		return encode(halves(width, height, BufferedImage.TYPE_INT_RGB, Color.GREEN, Color.YELLOW), "gif");
	}

	/** A 900 × 600 WebP (lossy), made with {@code cwebp -q 70} from a gradient. */
	static byte[] webp() {
		try (InputStream in = TestImages.class.getResourceAsStream("/media/harbour-900x600.webp")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A decompression bomb: a valid PNG signature and header claiming 100,000 × 100,000 pixels (10 gigapixels), with a
	 * few bytes of compressed data after it. A decoder that trusts the header allocates 40 GB.
	 */
	static byte[] pngBomb() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
		ihdr.putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	static BufferedImage decode(byte[] bytes) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage halves(int width, int height, int type, Color left, Color right) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(left);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(right);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
		out.writeBytes(length.array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/**
	 * An APP1 segment: "Exif\0\0", a big-endian TIFF header, IFD0 with Orientation (0x0112), BodySerialNumber-like
	 * text in ImageDescription (0x010E) and a GPSInfo pointer (0x8825) to a GPS IFD with latitude ref and a
	 * GPSAreaInformation-like text entry (0x001C) holding {@link #GPS_MARKER}.
	 */
	private static byte[] exif(int orientation) {
		byte[] serial = (SERIAL + "\0").getBytes(StandardCharsets.US_ASCII);
		byte[] place = ("ASCII\0\0\0" + GPS_MARKER).getBytes(StandardCharsets.US_ASCII);
		int ifd0 = 8;
		int ifd0Entries = 3;
		int ifd0Size = 2 + ifd0Entries * 12 + 4;
		int serialAt = ifd0 + ifd0Size;
		int gpsIfd = serialAt + serial.length;
		int gpsEntries = 2;
		int gpsSize = 2 + gpsEntries * 12 + 4;
		int placeAt = gpsIfd + gpsSize;
		ByteBuffer tiff = ByteBuffer.allocate(placeAt + place.length).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
		tiff.putShort((short) ifd0Entries);
		entry(tiff, 0x010E, 2, serial.length, serialAt);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.put(serial);
		tiff.putShort((short) gpsEntries);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x001C, 7, place.length, placeAt);
		tiff.putInt(0);
		tiff.put(place);
		byte[] body = tiff.array();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int length = 2 + 6 + body.length;
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body);
		return out.toByteArray();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
	}
}
