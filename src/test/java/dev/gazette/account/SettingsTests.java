package dev.gazette.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.article.ArticleCatalog;
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
import static org.awaitility.Awaitility.await;

/** A signed-in reader changes their name, bio, preferences and password in {@code /settings}. */
@RunningGazette
class SettingsTests {

	static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Mailbox mailbox;

	Reader reader;

	@BeforeEach
	void aSignedInReader() {
		mailbox = new Mailbox(jdbc);
		reader = new Readers(registration, accounts, administration, mailbox).join("Hannah Arendt");
		http = Http.signedInAs(port, reader);
	}

	@Test
	void settingsNeedASignedInReader() {
		HttpResponse<String> guest = new Http(port).get("/settings");

		assertThat(guest.statusCode()).isEqualTo(302);
		assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	@Test
	void theProfileFormSavesNameBioAndPreferences() {
		assertThat(row().get("reply_notifications")).isEqualTo(true);
		assertThat(row().get("newsletter")).isEqualTo(false);

		HttpResponse<String> saved = saveProfile("Hannah A.", "Reads the paper edition.", false, true);

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/settings?saved=profile");
		Map<String, Object> row = row();
		assertThat(row.get("display_name")).isEqualTo("Hannah A.");
		assertThat(row.get("bio")).isEqualTo("Reads the paper edition.");
		assertThat(row.get("reply_notifications")).isEqualTo(false);
		assertThat(row.get("newsletter")).isEqualTo(true);
		Document page = Jsoup.parse(http.follow(saved).body());
		assertThat(page.selectFirst(".form-saved").text()).isEqualTo("Your profile is saved.");
		assertThat(page.selectFirst("input#displayName").val()).isEqualTo("Hannah A.");
		assertThat(page.selectFirst("input#replyNotifications").hasAttr("checked")).isFalse();
		assertThat(page.selectFirst("input#newsletter").hasAttr("checked")).isTrue();
	}

	@Test
	void aNewNameFollowsUnderTheReadersEarlierComments() {
		Published article = new Newsroom(catalog).article().publish();
		long comment = commentId(http.postForm(article.path() + "/comments", Map.of("body", "Before the rename")));
		assertThat(authorOnPage(article, comment)).isEqualTo("Hannah Arendt");

		saveProfile("Hannah the Reader", "", true, false);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(authorOnPage(article, comment)).isEqualTo("Hannah the Reader"));
	}

	@Test
	void aCommentWrittenAfterARenameCarriesTheNewNameFromEveryDevice() {
		Published article = new Newsroom(catalog).article().publish();
		Http phone = Http.signedInAs(port, reader);
		saveProfile("Hannah Renamed", "", true, false);

		long fromHere = commentId(http.postForm(article.path() + "/comments", Map.of("body", "After the rename")));
		long fromPhone = commentId(phone.postForm(article.path() + "/comments", Map.of("body", "Also after it")));

		assertThat(authorOnPage(article, fromHere)).isEqualTo("Hannah Renamed");
		assertThat(authorOnPage(article, fromPhone)).as("signed in before the rename").isEqualTo("Hannah Renamed");
		assertThat(Jsoup.parse(http.get("/").body()).selectFirst(".account-nav a[href=" + reader.profilePath() + "]").text())
			.isEqualTo("Hannah Renamed");
	}

	@Test
	void aNameOrBioThatIsTooLongIsGivenBackToFixAndNothingChanges() {
		Map<String, Object> before = row();

		HttpResponse<String> longName = saveProfile("N".repeat(61), "Short bio", false, true);
		HttpResponse<String> longBio = saveProfile("Hannah", "b".repeat(1_001), false, true);
		HttpResponse<String> blankName = saveProfile("   ", "", false, true);

		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(longName.body()).selectFirst("#displayName-error").text())
			.isEqualTo("A display name can be at most 60 characters long.");
		assertThat(longBio.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(longBio.body()).selectFirst("section[aria-labelledby=profile-heading] .field-error").text())
			.isEqualTo("A bio can be at most 1000 characters long.");
		assertThat(Jsoup.parse(longBio.body()).selectFirst("textarea#bio").wholeText()).as("kept to fix")
			.isEqualTo("b".repeat(1_001));
		assertThat(blankName.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blankName.body()).selectFirst("#displayName-error").text())
			.isEqualTo("Please choose a display name.");
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndTellsTheOwnerByMail() {
		String hash = passwordHash();
		String newPassword = "Lanterns over the old harbour";

		HttpResponse<String> wrongCurrent = changePassword("I forgot it entirely", newPassword);
		HttpResponse<String> weakNew = changePassword(reader.password(), "short");

		assertThat(wrongCurrent.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(wrongCurrent.body()).selectFirst("#currentPassword-error").text())
			.isEqualTo("That is not your current password.");
		assertThat(weakNew.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(weakNew.body()).selectFirst("#newPassword-error").text())
			.isEqualTo("Choose a password of at least 10 characters.");
		assertThat(passwordHash()).isEqualTo(hash);
		int mails = mailbox.count(reader.email());

		HttpResponse<String> changed = changePassword(reader.password(), newPassword);

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/settings?saved=password");
		assertThat(passwordHash()).isNotEqualTo(hash).startsWith("{bcrypt}");
		assertThat(mailbox.count(reader.email())).isEqualTo(mails + 1);
		assertThat(mailbox.latestTo(reader.email()).subject()).containsIgnoringCase("password");
		assertThat(signsIn(newPassword)).isTrue();
		assertThat(signsIn(reader.password())).isFalse();
	}

	@Test
	void changingThePasswordSignsOutEveryOtherSessionButThisOne() {
		Http otherDevice = Http.signedInAs(port, reader);
		assertThat(otherDevice.get("/settings").statusCode()).isEqualTo(200);

		assertThat(changePassword(reader.password(), "Lanterns over the old harbour").statusCode()).isEqualTo(302);

		assertThat(http.get("/settings").statusCode()).as("the session that changed it").isEqualTo(200);
		HttpResponse<String> other = otherDevice.get("/settings");
		assertThat(other.statusCode()).isEqualTo(302);
		assertThat(other.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
	}

	// --- helpers ---

	private HttpResponse<String> saveProfile(String name, String bio, boolean replies, boolean newsletter) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("displayName", name);
		fields.put("bio", bio);
		if (replies) {
			fields.put("replyNotifications", "true");
		}
		if (newsletter) {
			fields.put("newsletter", "true");
		}
		return http.postForm("/settings/profile", fields);
	}

	private HttpResponse<String> changePassword(String current, String newPassword) {
		return http.postForm("/settings/password", Map.of("currentPassword", current, "newPassword", newPassword));
	}

	private boolean signsIn(String password) {
		Http browser = new Http(port);
		browser.signIn(reader.email(), password);
		return browser.get("/settings").statusCode() == 200;
	}

	private String authorOnPage(Published article, long commentId) {
		Element comment = Jsoup.parse(new Http(port).get(article.path()).body()).getElementById("comment-" + commentId);
		return comment.selectFirst(".comment-author").text();
	}

	private static long commentId(HttpResponse<String> posted) {
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private Map<String, Object> row() {
		return jdbc.sql("select display_name, bio, reply_notifications, newsletter, version, password_hash from account where id = :id")
			.param("id", reader.id())
			.query()
			.singleRow();
	}

	private String passwordHash() {
		return (String) row().get("password_hash");
	}
}
