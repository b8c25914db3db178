package dev.gazette.portrait;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A person's picture from an upload: the bytes decide the type (never the file name), the pixel size is read from
 * the header before anything is decoded (a small file can claim a huge picture), a big picture is decoded at a
 * fraction of its size, and the centre square is re-encoded as a {@value #SIZE}-pixel PNG, which drops EXIF data
 * such as a location.
 */
public final class Portraits {

	public static final int SIZE = 256;

	public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

	/** More than this many pixels is refused before decoding (a 40-megapixel photo decodes to 160 MB). */
	static final long MAX_PIXELS = 40_000_000L;

	private Portraits() {
	}

	/**
	 * The upload as a square PNG portrait.
	 * @throws Unusable with a message for the person who uploaded it: nothing chosen, too large, not a picture
	 */
	public static byte[] square(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new Unusable("Please choose a picture to upload.");
		}
		if (upload.length > MAX_UPLOAD_BYTES) {
			throw new Unusable("That picture is too large: at most 5 MB, please.");
		}
		BufferedImage image = decode(upload);
		int side = Math.min(image.getWidth(), image.getHeight());
		BufferedImage square = image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
		BufferedImage scaled = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, SIZE, SIZE);
		graphics.drawImage(square, 0, 0, SIZE, SIZE, null);
		graphics.dispose();
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(scaled, "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage decode(byte[] upload) {
		Unusable notAPicture = new Unusable("That file is not a picture we can use. Please upload a JPEG, PNG or GIF image.");
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw notAPicture;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 16 || height < 16) {
					throw notAPicture;
				}
				if ((long) width * height > MAX_PIXELS) {
					throw new Unusable("That picture has too many pixels: at most 40 megapixels, please.");
				}
				ImageReadParam param = reader.getDefaultReadParam();
				// Every n-th pixel is enough when the square is still at least twice the portrait's size.
				int step = Math.max(1, Math.min(width, height) / (2 * SIZE));
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Unusable unusable) {
				throw unusable;
			}
			throw notAPicture;
		}
	}

	/** An upload that cannot be a portrait; the message says why, for the person who uploaded it. */
	public static final class Unusable extends RuntimeException {

		Unusable(String message) {
			super(message);
		}
	}
}
