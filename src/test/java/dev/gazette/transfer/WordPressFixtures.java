package dev.gazette.transfer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** The test exports (written for Gazette in WordPress 6's and Disqus's formats) and a copy of wp-content/uploads. */
final class WordPressFixtures {

	private WordPressFixtures() {
	}

	private static ImportReport harbourTimes;

	/**
	 * The Harbour Times export imported into the shared test application, once, whichever test class asks first (the
	 * Disqus tests need it too); the report of that first import.
	 */
	static synchronized ImportReport importHarbourTimes(WordPressImport importer, Path dir) {
		if (harbourTimes == null) {
			Path file = file(dir, "harbour.xml", text("wordpress-6.xml"));
			harbourTimes = importer.run(file, uploads(dir), false, (done, total) -> {
			});
		}
		return harbourTimes;
	}

	static String text(String name) {
		try (InputStream in = WordPressFixtures.class.getResourceAsStream("/transfer/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path file(Path dir, String name, String content) {
		try {
			Path file = dir.resolve(name);
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An uploads folder with the ferry photo at 2018/03/ferry.png, as WordPress keeps it. */
	static Path uploads(Path dir) {
		try {
			Path folder = Files.createDirectories(dir.resolve("uploads/2018/03"));
			BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setColor(new Color(30, 90, 160));
			g.fillRect(0, 0, 800, 600);
			g.setColor(Color.WHITE);
			g.fillRect(200, 250, 400, 120);
			g.dispose();
			ImageIO.write(image, "png", folder.resolve("ferry.png").toFile());
			return dir.resolve("uploads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A small export of its own site: one post per given id, each with one comment, and a featured image. */
	static String smallSite(String site, int... postIds) {
		StringBuilder items = new StringBuilder();
		for (int id : postIds) {
			items.append("""
					<item><title><![CDATA[Small post %1$d]]></title><link>%2$s/small-post-%1$d/</link>
					<dc:creator><![CDATA[ed]]></dc:creator>
					<content:encoded><![CDATA[<p>Body %1$d</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
					<wp:post_id>%1$d</wp:post_id><wp:post_date_gmt><![CDATA[2017-01-0%1$d 10:00:00]]></wp:post_date_gmt>
					<wp:post_name><![CDATA[small-post-%1$d-%3$s]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
					<wp:post_type><![CDATA[post]]></wp:post_type>
					<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[9]]></wp:meta_value></wp:postmeta>
					<wp:comment><wp:comment_id>%1$d00</wp:comment_id><wp:comment_author><![CDATA[Reader %1$d]]></wp:comment_author>
					<wp:comment_date_gmt><![CDATA[2017-01-0%1$d 11:00:00]]></wp:comment_date_gmt>
					<wp:comment_content><![CDATA[Comment on %1$d]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
					<wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
					</item>
					""".formatted(id, site, Integer.toHexString(site.hashCode())));
		}
		return """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
				  xmlns:wp="http://wordpress.org/export/1.1/">
				<channel><title>Small</title><wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>%s</wp:base_site_url>
				<wp:author><wp:author_login><![CDATA[ed]]></wp:author_login><wp:author_display_name><![CDATA[Ed Itor]]></wp:author_display_name></wp:author>
				<item><title>photo</title><wp:post_id>9</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type>
				<wp:attachment_url><![CDATA[%s/wp-content/uploads/2017/01/missing.jpg]]></wp:attachment_url>
				<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2017/01/missing.jpg]]></wp:meta_value></wp:postmeta></item>
				%s
				</channel></rss>
				""".formatted(site, site, items);
	}
}
