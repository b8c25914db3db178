package dev.gazette.portrait;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortraitsTests {

	@Test
	void aWidePhotoBecomesItsCentreSquareAsA256PixelPng() throws IOException {
		// Red bands left and right, a blue square in the middle: the portrait is the middle.
		BufferedImage photo = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = photo.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, 3000, 1000);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(1000, 0, 1000, 1000);
		graphics.dispose();

		BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(Portraits.square(encode(photo, "jpeg"))));

		assertThat(portrait.getWidth()).isEqualTo(256);
		assertThat(portrait.getHeight()).isEqualTo(256);
		Color corner = new Color(portrait.getRGB(3, 3));
		assertThat(corner.getBlue()).isGreaterThan(200);
		assertThat(corner.getRed()).isLessThan(60);
	}

	@Test
	void aSmallFileClaimingAHugePictureIsRefusedBeforeItIsDecoded() throws IOException {
		byte[] png = encode(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png");
		claimSize(png, 60_000, 60_000);

		assertThatThrownBy(() -> Portraits.square(png)).isInstanceOf(Portraits.Unusable.class)
			.hasMessageContaining("too many pixels");
	}

	@Test
	void whatIsNotAPictureIsRefusedWhateverItIsCalled() {
		byte[] text = "Dear editor, this is a letter, not a photo.".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Portraits.square(text)).isInstanceOf(Portraits.Unusable.class)
			.hasMessageContaining("not a picture");
		assertThatThrownBy(() -> Portraits.square(new byte[0])).hasMessageContaining("choose a picture");
		assertThatThrownBy(() -> Portraits.square(new byte[Portraits.MAX_UPLOAD_BYTES + 1])).hasMessageContaining("too large");
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, format, bytes);
		return bytes.toByteArray();
	}

	/** Rewrites a PNG's header (IHDR) to claim another size, with a correct checksum, as a hostile file would. */
	private static void claimSize(byte[] png, int width, int height) {
		ByteBuffer buffer = ByteBuffer.wrap(png);
		buffer.putInt(16, width);
		buffer.putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		buffer.putInt(29, (int) crc.getValue());
	}
}
