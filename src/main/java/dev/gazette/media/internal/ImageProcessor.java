package dev.gazette.media.internal;

import dev.gazette.media.MediaException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Turns an upload into what the library stores. The type comes from the first bytes (never the name or the declared
 * content type), the pixel size from the header, checked against {@code gazette.media.max-pixels} before any pixel
 * is decoded (a small file can claim a huge picture); then the image is decoded (an animated GIF: its first frame),
 * turned the right way up by its EXIF orientation, and re-encoded without any of the upload's metadata: a full-size
 * master and one rendition per width. Images with transparent pixels stay PNG; everything else becomes JPEG.
 */
@Component
public class ImageProcessor {

	static final float JPEG_QUALITY = 0.85f;

	/** Decoding takes memory in proportion to pixels: two at a time per node, others wait their turn. */
	private final Semaphore decoding = new Semaphore(2, true);

	private final MediaProperties properties;

	public ImageProcessor(MediaProperties properties) {
		this.properties = properties;
		// Registers TwelveMonkeys' WebP reader even when the class path was not scanned at JVM start (an executable jar).
		ImageIO.scanForPlugins();
	}

	/** What is stored for one upload: the master and the renditions by width, each encoded as {@code contentType}. */
	public record Processed(String sourceType, String contentType, int width, int height, byte[] master,
			Map<Integer, byte[]> renditions) {

		public String extension() {
			return "image/png".equals(contentType) ? "png" : "jpg";
		}
	}

	/** @throws MediaException when the bytes are not an image Gazette takes, or one too large */
	public Processed process(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw MediaException.badInput("file", "The file is empty. Choose a JPEG, PNG, GIF or WebP image.");
		}
		if (upload.length > properties.maxUploadSize().toBytes()) {
			throw MediaException.tooLarge("The file is larger than " + megabytes() + ". Choose a smaller image.");
		}
		String type = sniff(upload);
		if (type == null) {
			throw MediaException.badInput("file", "This file is not a JPEG, PNG, GIF or WebP image (whatever its name says).");
		}
		decoding.acquireUninterruptibly();
		try {
			BufferedImage decoded = decode(type, upload);
			int orientation = type.equals("jpeg") ? ExifOrientation.of(upload) : 1;
			boolean transparent = hasTransparentPixels(decoded);
			BufferedImage master = upright(decoded, orientation, transparent);
			decoded = null;
			String contentType = transparent ? "image/png" : "image/jpeg";
			byte[] full = encode(master, transparent);
			Map<Integer, byte[]> renditions = new LinkedHashMap<>();
			for (int width : widthsFor(master.getWidth())) {
				int height = Math.max(1, (int) Math.round((double) master.getHeight() * width / master.getWidth()));
				renditions.put(width, width == master.getWidth() ? full
						: encode(scale(master, width, height, transparent), transparent));
			}
			return new Processed(type, contentType, master.getWidth(), master.getHeight(), full, renditions);
		}
		finally {
			decoding.release();
		}
	}

	/** The configured widths below the image's own width, and its own width when it is narrower than the widest. */
	public List<Integer> widthsFor(int imageWidth) {
		List<Integer> widths = new ArrayList<>();
		for (int width : properties.widths()) {
			if (width < imageWidth) {
				widths.add(width);
			}
		}
		if (imageWidth <= properties.widths().get(properties.widths().size() - 1)) {
			widths.add(imageWidth);
		}
		return widths;
	}

	/** {@code jpeg}, {@code png}, {@code gif} or {@code webp} from the file's signature; {@code null} for anything else. */
	public static String sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "jpeg";
		}
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return "png";
		}
		if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
				&& b[5] == 'a') {
			return "gif";
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return "webp";
		}
		return null;
	}

	private BufferedImage decode(String type, byte[] upload) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type);
		if (!readers.hasNext()) {
			throw MediaException.badInput("file", "This server cannot read " + type.toUpperCase() + " images.");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(in, true, true);
			long width = reader.getWidth(0);
			long height = reader.getHeight(0);
			if (width < 1 || height < 1) {
				throw unreadable(type);
			}
			if (width * height > properties.maxPixels()) {
				throw MediaException.tooLarge("The image is " + width + " × " + height + " pixels; at most "
						+ String.format("%,d", properties.maxPixels()) + " pixels (" + (properties.maxPixels() / 1_000_000)
						+ " megapixels) are accepted.");
			}
			BufferedImage image = reader.read(0);
			if (image == null) {
				throw unreadable(type);
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof MediaException refused) {
				throw refused;
			}
			throw unreadable(type);
		}
		finally {
			reader.dispose();
		}
	}

	private static MediaException unreadable(String type) {
		return MediaException.badInput("file", "This file starts like a " + type.toUpperCase()
				+ " image but could not be read: it may be damaged or incomplete.");
	}

	private static boolean hasTransparentPixels(BufferedImage image) {
		if (!image.getColorModel().hasAlpha()) {
			return false;
		}
		int width = image.getWidth();
		int[] row = new int[width];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int pixel : row) {
				if ((pixel >>> 24) != 0xFF) {
					return true;
				}
			}
		}
		return false;
	}

	/** A copy in plain RGB (or ARGB), turned by the EXIF orientation; opaque images on white. */
	private static BufferedImage upright(BufferedImage image, int orientation, boolean transparent) {
		boolean swap = ExifOrientation.swapsSides(orientation);
		int width = swap ? image.getHeight() : image.getWidth();
		int height = swap ? image.getWidth() : image.getHeight();
		BufferedImage copy = new BufferedImage(width, height,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = copy.createGraphics();
		if (!transparent) {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
		}
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
		graphics.drawImage(image, ExifOrientation.transform(orientation, image.getWidth(), image.getHeight()), null);
		graphics.dispose();
		return copy;
	}

	/** Halves with bilinear steps, then one bicubic step to the exact size: sharp without the cost of one huge step. */
	private static BufferedImage scale(BufferedImage image, int width, int height, boolean transparent) {
		BufferedImage current = image;
		while (current.getWidth() / 2 >= width * 2) {
			current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), transparent,
					RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		}
		return draw(current, width, height, transparent, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
	}

	private static BufferedImage draw(BufferedImage image, int width, int height, boolean transparent, Object hint) {
		BufferedImage scaled = new BufferedImage(width, height,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
		graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return scaled;
	}

	/** PNG, or JPEG at {@value #JPEG_QUALITY}; ImageIO writes no EXIF of its own, and none of the upload's survives. */
	private static byte[] encode(BufferedImage image, boolean png) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			if (png) {
				ImageIO.write(image, "png", bytes);
				return bytes.toByteArray();
			}
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
				ImageWriteParam parameters = writer.getDefaultWriteParam();
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(JPEG_QUALITY);
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), parameters);
			}
			finally {
				writer.dispose();
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String megabytes() {
		return properties.maxUploadSize().toMegabytes() + " MB";
	}
}
