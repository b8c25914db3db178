package dev.gazette.comment;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.article.Contributors;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers can tell who is who in a thread: each comment says in words whether its writer works for the publication
 * (and in which role), wrote the article, confirmed their address, or commented as a guest; an account's comment
 * shows its picture and links to its public profile. The page for readers who are not signed in is the same for
 * all of them, so these come from the comments, never from who is looking.
 */
@RunningGazette
class WhoIsWhoInTheThreadTests {

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Contributors contributors;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Published article;

	Reader writer;

	@BeforeEach
	void anArticleWhoseAuthorWritesFromAnAccount() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		writer = readers.join("Ilse Vandermeer-Quist", Role.AUTHOR);
		Author byline = new Newsroom(catalog).author("Ilse V. Quist of the desk");
		contributors.saveAuthor(byline.id(), new Contributors.AuthorInput(byline.displayName(), byline.slug(),
				"Staff writer", null, null, null, null, null, null, null, writer.id()));
		article = new Newsroom(catalog).article().by(byline).publish();
	}

	@Test
	void eachCommentSaysInWordsWhoWroteIt() {
		Reader moderator = readers.join("Ottilie Brannagh-Seo", Role.MODERATOR);
		Reader member = readers.join("Pepijn Aldegonde-Ruiz");
		long byWriter = post(Http.signedInAs(port, writer), "Thanks for reading: the river data is in the appendix.");
		long byModerator = post(Http.signedInAs(port, moderator), "A reminder to keep it civil.");
		long byMember = post(Http.signedInAs(port, member), "Just a reader with a confirmed address.");
		long byGuest = post(new Http(port), Map.of("authorName", "Wanderer of Quays", "body", "Just passing through."));

		assertThat(badges(byWriter)).containsExactly("Staff", "Author", "Verified");
		assertThat(badges(byModerator)).containsExactly("Moderator", "Verified");
		assertThat(badges(byMember)).containsExactly("Verified");
		assertThat(badges(byGuest)).containsExactly("Guest");
		assertThat(comment(byWriter).selectFirst(".badge").attr("title")).isEqualTo("Works for the publication: Staff");
	}

	@Test
	void anAccountsCommentShowsItsPictureAndLinksToItsProfileAGuestsDoesNot() {
		Reader member = readers.join("Radomir Easterbrook-Vale");
		long byMember = post(Http.signedInAs(port, member), "Members have pictures.");
		long byGuest = post(new Http(port), Map.of("authorName", "Nameless at the Pier", "body", "Guests do not."));

		Element shown = comment(byMember);
		Element link = shown.selectFirst("a.comment-author");
		assertThat(link.text()).isEqualTo("Radomir Easterbrook-Vale");
		assertThat(link.attr("href")).isEqualTo(member.profilePath());
		assertThat(new Http(port).get(member.profilePath()).body()).contains("Radomir Easterbrook-Vale");
		String avatar = shown.selectFirst("img.comment-avatar").attr("src");
		assertThat(avatar).startsWith("/people/" + member.id() + "/avatar");
		assertThat(new Http(port).getBytes(avatar).statusCode()).isEqualTo(200);

		Element guest = comment(byGuest);
		assertThat(guest.selectFirst("a.comment-author")).isNull();
		assertThat(guest.selectFirst("img.comment-avatar")).isNull();
		assertThat(guest.selectFirst(".comment-author").text()).isEqualTo("Nameless at the Pier");
	}

	@Test
	void everyReaderWhoIsNotSignedInGetsTheSamePageAndSignedInReadersSeeTheSameBadges() {
		long byWriter = post(Http.signedInAs(port, writer), "Same for everyone.");

		String first = new Http(port).get(article.path()).body();
		String second = new Http(port, "203.0.113.77").get(article.path()).body();

		assertThat(second).isEqualTo(first);
		Element asSignedIn = Jsoup.parse(Http.signedInAs(port, readers.join("Hesper Lindqvist-Amadi")).get(article.path()).body())
			.getElementById("comment-" + byWriter);
		assertThat(asSignedIn.select(".badge").eachText()).containsExactly("Staff", "Author", "Verified");
	}

	// --- helpers

	private List<String> badges(long id) {
		return comment(id).select(".comment-meta .badge").eachText();
	}

	private Element comment(long id) {
		Element comment = Jsoup.parse(new Http(port).get(article.path()).body()).getElementById("comment-" + id);
		assertThat(comment).as("comment " + id + " on the page").isNotNull();
		return comment;
	}

	private long post(Http browser, String body) {
		return post(browser, Map.of("body", body));
	}

	private long post(Http browser, Map<String, String> fields) {
		HttpResponse<String> posted = browser.postForm(article.path() + "/comments", fields);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}
}
