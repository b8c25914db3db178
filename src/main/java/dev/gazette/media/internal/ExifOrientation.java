package dev.gazette.media.internal;

import java.awt.geom.AffineTransform;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG (1 to 8; 1 when absent or unreadable) and the transform that shows the picture the
 * right way up. A phone held upright stores its photo sideways with orientation 6; since the stored renditions carry
 * no EXIF, the rotation must be applied to the pixels.
 */
public final class ExifOrientation {

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private ExifOrientation() {
	}

	/** Reads the orientation tag (0x0112) from IFD0 of the first EXIF APP1 segment, before the image data. */
	public static int of(byte[] jpeg) {
		int i = 2;
		while (i + 4 <= jpeg.length) {
			if ((jpeg[i] & 0xFF) != 0xFF) {
				return 1;
			}
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return 1;
			}
			int length = u16(jpeg, i + 2, false);
			int end = Math.min(jpeg.length, i + 2 + length);
			if (marker == 0xE1 && length >= 8 + EXIF.length
					&& Arrays.equals(jpeg, i + 4, i + 4 + EXIF.length, EXIF, 0, EXIF.length)) {
				return tiff(jpeg, i + 4 + EXIF.length, end);
			}
			i += 2 + length;
		}
		return 1;
	}

	private static int tiff(byte[] b, int start, int end) {
		if (start + 8 > end) {
			return 1;
		}
		boolean little = b[start] == 'I' && b[start + 1] == 'I';
		if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
			return 1;
		}
		long ifd = u32(b, start + 4, little);
		if (ifd < 8 || start + ifd + 2 > end) {
			return 1;
		}
		int entries = start + (int) ifd;
		int count = u16(b, entries, little);
		for (int n = 0; n < count; n++) {
			int entry = entries + 2 + n * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** Whether the picture's width and height trade places when shown. */
	public static boolean swapsSides(int orientation) {
		return orientation >= 5;
	}

	/** Maps the stored pixels of a {@code width} × {@code height} image to where they are shown. */
	public static AffineTransform transform(int orientation, int width, int height) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
			default -> new AffineTransform();
		};
	}

	private static int u16(byte[] b, int at, boolean little) {
		if (at + 2 > b.length) {
			return 0;
		}
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return little ? first | (second << 8) : (first << 8) | second;
	}

	private static long u32(byte[] b, int at, boolean little) {
		if (at + 4 > b.length) {
			return 0;
		}
		long high = u16(b, little ? at + 2 : at, little);
		long low = u16(b, little ? at : at + 2, little);
		return (high << 16) | low;
	}
}
