package dev.gazette.moderation;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' picks are a Featured section at the top of the discussion that names who picked each; moderators
 * feature and unfeature from the console and from the comment itself on the article page, never a held or rejected
 * comment.
 */
@RunningGazette
class FeaturedCommentsTests {

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Published article;

	Reader moderator;

	Http moderatorsBrowser;

	long comment;

	@BeforeEach
	void aCommentAndAModerator() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		article = new Newsroom(catalog).article().publish();
		moderator = readers.join("Guinevere Okafor-Lund", Role.MODERATOR);
		moderatorsBrowser = Http.signedInAs(port, moderator);
		comment = post(Http.signedInAs(port, readers.join("Florentyna Abaroa-Kim")), "The best-sourced comment of the week.");
	}

	@Test
	void aModeratorFeaturesACommentFromThePageAndEveryoneSeesWhoPickedIt() {
		assertThat(Jsoup.parse(new Http(port).get(article.path()).body()).select(".pick-form")).isEmpty();
		assertThat(Jsoup.parse(Http.signedInAs(port, readers.join("Lysander Mbeki-Ross")).get(article.path()).body())
			.select(".pick-form")).as("a reader who does not moderate").isEmpty();

		HttpResponse<String> featured = moderatorsBrowser.submit(article.path(), "#comment-" + comment + " .pick-form",
				Map.of());

		assertThat(featured.statusCode()).isEqualTo(302);
		assertThat(featured.headers().firstValue("Location").orElseThrow()).endsWith(article.path() + "/comments/" + comment);
		Document page = Jsoup.parse(new Http(port).get(article.path()).body());
		Element section = page.selectFirst("#comments .featured-comments");
		assertThat(section.selectFirst("h3").text()).isEqualTo("Featured");
		assertThat(section.select(".featured-comment .comment-body").eachText())
			.containsExactly("The best-sourced comment of the week.");
		assertThat(section.selectFirst(".picked-by").text()).startsWith("Picked by Guinevere Okafor-Lund");
		assertThat(section.selectFirst(".picked-by a").attr("href")).isEqualTo(article.path() + "/comments/" + comment);
		assertThat(page.getElementById("comment-" + comment).selectFirst(".featured").text()).isEqualTo("Editor’s pick");
		assertThat(jdbc.sql("select featured_by from comment where id = :id").param("id", comment).query(Long.class)
			.single()).isEqualTo(moderator.id());

		HttpResponse<String> unfeatured = moderatorsBrowser.submit(article.path(),
				"#comment-" + comment + " .pick-form", Map.of());

		assertThat(unfeatured.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(new Http(port).get(article.path()).body()).select(".featured-comments")).isEmpty();
	}

	@Test
	void aPickFromTheConsoleShowsInTheFeaturedSection() {
		HttpResponse<String> featured = moderatorsBrowser.postForm("/admin/moderation/" + comment + "/feature",
				Map.of("featured", "true"));

		assertThat(featured.statusCode()).isEqualTo(302);
		Element section = Jsoup.parse(new Http(port).get(article.path()).body()).selectFirst(".featured-comments");
		assertThat(section.selectFirst(".picked-by").text()).startsWith("Picked by Guinevere Okafor-Lund");
	}

	@Test
	void aHeldCommentCannotBeFeaturedFromThePageOrTheConsole() {
		comments.moderate(comment, CommentStatus.PENDING);
		Document console = Jsoup.parse(moderatorsBrowser.get("/admin/moderation?article=" + article.slug()).body());
		assertThat(console.select("form[action=/admin/moderation/" + comment + "/feature]")).isEmpty();

		HttpResponse<String> fromPage = moderatorsBrowser.postForm(article.path() + "/comments/" + comment + "/feature",
				Map.of("featured", "true"));
		HttpResponse<String> fromConsole = moderatorsBrowser.postForm("/admin/moderation/" + comment + "/feature",
				Map.of("featured", "true"));

		assertThat(fromPage.statusCode()).isEqualTo(400);
		assertThat(fromConsole.headers().firstValue("Location").orElseThrow()).contains("Only+a+published+comment");
		assertThat(featured()).isFalse();
	}

	@Test
	void aReaderWhoDoesNotModerateCannotFeature() {
		HttpResponse<String> refused = Http.signedInAs(port, readers.join("Octavian Brightwater-Sy"))
			.postForm(article.path() + "/comments/" + comment + "/feature", Map.of("featured", "true"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(featured()).isFalse();
	}

	// --- helpers

	private boolean featured() {
		return jdbc.sql("select featured from comment where id = :id").param("id", comment).query(Boolean.class).single();
	}

	private long post(Http browser, String body) {
		HttpResponse<String> posted = browser.postForm(article.path() + "/comments", Map.of("body", body));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
