package dev.gazette.account;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Avatars: an uploaded picture is decoded (its type is whatever the bytes say, never the file name), cropped to
 * the centre square and re-encoded as a {@value #SIZE}-pixel PNG, which also drops any EXIF data such as location.
 * Without an upload, the avatar is the initials of the display name on a colour of its own.
 */
@Component
class Avatars {

	static final int SIZE = 256;

	static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

	private static final List<String> COLOURS = List.of("#8a1c1c", "#0b4f8a", "#5b2a86", "#1d6b3a", "#8a4b0b",
			"#2f4f4f", "#7a1f5c", "#3b5b0b");

	/** @throws AccountProblem when the bytes are not a picture Gazette can read, or too large */
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

	/** One or two letters: the first letters of the first two words of the name. */
	static String initials(String displayName) {
		String[] words = displayName.strip().split("\\s+");
		StringBuilder initials = new StringBuilder();
		for (int i = 0; i < Math.min(2, words.length); i++) {
			if (!words[i].isEmpty()) {
				initials.appendCodePoint(words[i].codePointAt(0));
			}
		}
		return initials.toString().toUpperCase(Locale.ROOT);
	}

	static String colour(long accountId) {
		return COLOURS.get((int) Math.floorMod(accountId * 2654435761L, COLOURS.size()));
	}

	private static AccountProblem problem(String message) {
		return new AccountProblem(message, List.of(new AccountProblem.FieldProblem("avatar", message)));
	}
}
