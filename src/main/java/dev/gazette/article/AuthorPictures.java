package dev.gazette.article;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Author pictures, made the way account avatars are (the account feature's own code is not reachable from here): the
 * bytes decide the type, never the file name; the centre square is kept and re-encoded as a {@value #SIZE}-pixel PNG,
 * which drops EXIF data such as a location.
 */
@Component
class AuthorPictures {

	static final int SIZE = 256;

	static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

	byte[] normalise(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw problem("Please choose a picture to upload.");
		}
		if (upload.length > MAX_UPLOAD_BYTES) {
			throw problem("That picture is too large: at most 5 MB, please.");
		}
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(upload));
		}
		catch (IOException | RuntimeException ex) {
			image = null;
		}
		if (image == null || image.getWidth() < 16 || image.getHeight() < 16) {
			throw problem("That file is not a picture we can use. Please upload a JPEG, PNG or GIF image.");
		}
		int side = Math.min(image.getWidth(), image.getHeight());
		BufferedImage square = image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
		BufferedImage scaled = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		graphics.setColor(java.awt.Color.WHITE);
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

	private static Refused problem(String message) {
		return new Refused(message, List.of(new Refused.Problem("picture", message)));
	}
}
