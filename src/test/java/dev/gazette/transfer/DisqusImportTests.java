package dev.gazette.transfer;

import java.nio.file.Path;
import java.util.List;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.RunningGazette;
import dev.gazette.transfer.internal.PlainText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Disqus comments follow the articles they were written under: the WordPress export goes in first, then the Disqus
 * export ({@code transfer/disqus.xml}), whose threads are matched by link or by the WordPress plugin's identifier.
 */
@RunningGazette
class DisqusImportTests {

	private static final String ARTICLE = "ferry-timetable-winter";

	@Autowired
	WordPressImport wordpress;

	@Autowired
	DisqusImport disqus;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@TempDir
	static Path dir;

	Http http;

	static ImportReport first;

	@BeforeEach
	void importTheHarbourTimesThenItsDisqusComments() {
		http = new Http(port);
		if (first == null) {
			WordPressFixtures.importHarbourTimes(wordpress, dir);
			first = disqus.run(WordPressFixtures.file(dir, "disqus.xml", WordPressFixtures.text("disqus.xml")), false,
					(d, t) -> {
					});
		}
	}

	@Test
	void postsJoinTheirArticlesDiscussionWithParentsAuthorsAndTimes() {
		JsonNode threads = Json.read(http.getJson("/api/v1/articles/" + ARTICLE + "/comments?sort=oldest"));
		JsonNode emre = null;
		for (JsonNode thread : threads) {
			if (thread.get("authorName").asString().equals("Emre Şahin")) {
				emre = thread;
			}
		}

		assertThat(emre).as("the Disqus post, in the discussion").isNotNull();
		assertThat(emre.get("createdAt").asString()).isEqualTo("2018-03-07T09:00:00Z");
		assertThat(emre.get("bodyHtml").asString()).contains("<strong>night boat</strong>", "Second paragraph");
		JsonNode reply = emre.get("replies").get(0);
		assertThat(reply.get("authorName").asString()).isEqualTo("Dana Kaya");
		assertThat(PlainText.decode(reply.get("bodyHtml").asString())).contains("תודה רבה 🙏");
		assertThat(threads.toString()).doesNotContain("Spam from Disqus", "dana@mail.example");
	}

	@Test
	void aThreadIsMatchedByTheWordPressPluginsIdentifierWhenItsLinkIsUnknown() {
		JsonNode threads = Json.read(http.getJson("/api/v1/articles/harbour-gallery/comments"));

		assertThat(threads.toString()).contains("Guest Walker", "Lovely pictures");
	}

	@Test
	void spamIsRejectedAndAddressesAreKeptForModerators() {
		List<String> rows = jdbc.sql("""
				select status || ' ' || author_name || ' ' || coalesce(guest_email, '-') from comment
				where author_name in ('Bot', 'Dana Kaya') order by created_at""")
			.query(String.class)
			.list();

		assertThat(rows).containsExactly("published Dana Kaya dana@mail.example", "rejected Bot bot@spam.example");
	}

	@Test
	void unmatchedThreadsAreReportedWithTheirLinks() {
		assertThat(first.counts(DisqusImport.THREADS).reasons()).singleElement().asString()
			.contains("https://harbour.example/2011/01/a-post-nobody-exported/");
		assertThat(first.counts(DisqusImport.COMMENTS).created()).isEqualTo(4);
		assertThat(first.counts(DisqusImport.COMMENTS).failed()).isEqualTo(1);
		assertThat(first.notes()).contains("2 of 3 threads matched an article");
	}

	@Test
	void importingAgainChangesNothing() {
		long comments = jdbc.sql("select count(*) from comment").query(Long.class).single();

		ImportReport again = disqus.run(dir.resolve("disqus.xml"), false, (d, t) -> {
		});

		assertThat(again.changedNothing()).isTrue();
		assertThat(again.counts(DisqusImport.COMMENTS).skipped()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from comment").query(Long.class).single()).isEqualTo(comments);
	}

	@Test
	void aFileThatIsNotADisqusExportOrIsHostileIsRefused() {
		long comments = jdbc.sql("select count(*) from comment").query(Long.class).single();

		assertThatThrownBy(() -> disqus.run(WordPressFixtures.file(dir, "wxr.xml",
				WordPressFixtures.text("wordpress-6.xml")), false, (d, t) -> {
				})).isInstanceOf(ImportRefused.class).hasMessageContaining("not a Disqus export");
		assertThatThrownBy(() -> disqus.run(WordPressFixtures.file(dir, "xxe.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE disqus [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
				<disqus xmlns="http://disqus.com"><post><message>&secret;</message></post></disqus>
				"""), false, (d, t) -> {
				})).isInstanceOf(ImportRefused.class).hasMessageContaining("XXE");
		String export = WordPressFixtures.text("disqus.xml");
		assertThatThrownBy(() -> disqus.run(WordPressFixtures.file(dir, "cut.xml",
				export.substring(0, export.indexOf("<post dsq:id=\"8004\">") + 40)), false, (d, t) -> {
				})).isInstanceOf(ImportRefused.class).hasMessageContaining("Nothing was imported");

		assertThat(jdbc.sql("select count(*) from comment").query(Long.class).single()).isEqualTo(comments);
	}
}
