package dev.gazette.transfer;

import java.nio.file.Path;

import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor moving a site whose old comments were never moderated can ask the import to screen them: what this
 * site's classifier would hold comes in held, for a moderator, and the report names it; by default nothing is
 * re-judged, since each comment was published where it was written.
 */
@RunningGazette
class ScreeningAnImportTests {

	static final String CIVIL = "The ferry timetable should be published every spring.";

	static final String THREAT = "You should be shot for writing this, and I know where you live.";

	static final String HEBREW = "תודה על הכתבה, למדתי הרבה 🌊";

	@Autowired
	WordPressImport importer;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aScreenedImportHoldsWhatTheClassifierWouldHoldAndSaysSo() {
		String site = "https://screened.example";
		Path file = WordPressFixtures.file(dir, "screened.xml", siteWithComments(site, CIVIL, THREAT, HEBREW));
		long before = comments();

		ImportReport dry = importer.run(file, null, true, true, (d, t) -> {
		});
		assertThat(dry.heldByScreening()).isEqualTo(1);
		assertThat(dry.heldExamples()).singleElement().asString().startsWith("comment 2 (").contains("threat");
		assertThat(dry.text()).contains("1 published comment would be held for moderators by the classifier");
		assertThat(comments()).as("a dry run writes nothing").isEqualTo(before);

		ImportReport report = importer.run(file, null, false, true, (d, t) -> {
		});
		assertThat(report.counts(WordPressImport.COMMENTS).created()).isEqualTo(3);
		assertThat(report.text()).contains("1 published comment was imported held for moderators")
			.contains("held comment 2 (");
		assertThat(status(site, "1")).isEqualTo("published");
		assertThat(status(site, "2")).isEqualTo("pending");
		assertThat(status(site, "3")).isEqualTo("published");
		assertThat(body(site, "3")).isEqualTo(HEBREW);
	}

	@Test
	void anImportIsNotScreenedUnlessAsked() {
		String site = "https://unscreened.example";
		ImportReport report = importer.run(
				WordPressFixtures.file(dir, "unscreened.xml", siteWithComments(site, CIVIL, THREAT)), null, false,
				(d, t) -> {
				});
		assertThat(report.screened()).isFalse();
		assertThat(report.heldByScreening()).isZero();
		assertThat(report.text()).doesNotContain("classifier");
		assertThat(status(site, "2")).as("published where it was written, and not re-judged").isEqualTo("published");
	}

	private long comments() {
		return jdbc.sql("select count(*) from comment").query(Long.class).single();
	}

	private String status(String site, String commentId) {
		return jdbc.sql("select c.status from comment c join import_record r on r.gazette_id = c.id where r.kind = "
				+ "'comment' and r.source = ? and r.external_id = ?")
			.params("wordpress:" + site, commentId)
			.query(String.class)
			.single();
	}

	private String body(String site, String commentId) {
		return jdbc.sql("select c.body from comment c join import_record r on r.gazette_id = c.id where r.kind = "
				+ "'comment' and r.source = ? and r.external_id = ?")
			.params("wordpress:" + site, commentId)
			.query(String.class)
			.single();
	}

	/** One published post with one published comment per text, ids 1, 2, … in order. */
	static String siteWithComments(String site, String... texts) {
		StringBuilder comments = new StringBuilder();
		for (int i = 0; i < texts.length; i++) {
			comments.append("""
					<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Oğuz Türk]]></wp:comment_author>
					<wp:comment_date_gmt><![CDATA[2019-05-0%d 11:00:00]]></wp:comment_date_gmt>
					<wp:comment_content><![CDATA[%s]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
					<wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
					""".formatted(i + 1, i + 1, texts[i]));
		}
		return """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
				  xmlns:wp="http://wordpress.org/export/1.1/">
				<channel><title>Screened</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>%1$s</wp:base_site_url>
				<wp:author><wp:author_login><![CDATA[ed]]></wp:author_login><wp:author_display_name><![CDATA[Ed Itor]]></wp:author_display_name></wp:author>
				<item><title><![CDATA[The harbour wall]]></title><link>%1$s/the-harbour-wall/</link>
				<dc:creator><![CDATA[ed]]></dc:creator>
				<content:encoded><![CDATA[<p>The wall is going up.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
				<wp:post_id>1</wp:post_id><wp:post_date_gmt><![CDATA[2019-05-01 10:00:00]]></wp:post_date_gmt>
				<wp:post_name><![CDATA[the-harbour-wall-%2$s]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
				<wp:post_type><![CDATA[post]]></wp:post_type>
				%3$s
				</item>
				</channel></rss>
				""".formatted(site, Integer.toHexString(site.hashCode()), comments);
	}
}
