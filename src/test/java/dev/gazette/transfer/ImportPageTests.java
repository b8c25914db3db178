package dev.gazette.transfer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin imports a WordPress export from {@code /admin/import}: the upload runs in the background, its page follows
 * it and ends with the report; a dry run writes nothing; a file that is not an export, or carries an entity attack, is
 * refused on the form at once; only admins may use the page.
 */
@RunningGazette
class ImportPageTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@LocalServerPort
	int port;

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(String name, Role role) {
		return Http.signedInAs(port,
				new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(name, role));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Follows the run's status as the page's script does, until it is finished; then its page. */
	private static Document finished(Http admin, HttpResponse<String> started) throws InterruptedException {
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(page).startsWith("/admin/import/runs/");
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode status = Json.read(admin.getJson(page + "/status"));
			if (status.get("finished").asBoolean()) {
				break;
			}
			assertThat(System.nanoTime()).as("the import finishes within a minute").isLessThan(until);
			Thread.sleep(100);
		}
		return Jsoup.parse(admin.get(page).body());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void aDryRunReportsWhatItWouldCreateAndWritesNothingThenTheImportCreatesItAndAgainChangesNothing()
			throws InterruptedException {
		Http admin = signedIn("Imogen Importer", Role.ADMIN);
		byte[] wxr = bytes(WordPressFixtures.smallSite("https://page-upload.example", 1, 2));
		long articles = count("article");

		Document dry = finished(admin, admin.postFile("/admin/import?source=wordpress&dryRun=true", "file",
				"page-upload.xml", "application/xml", wxr));

		assertThat(dry.selectFirst("h1").text()).contains("page-upload.xml", "dry run");
		assertThat(dry.selectFirst("#import-status").text()).contains("nothing was written");
		assertThat(dry.select(".import-report th[scope=col]").eachText()).contains("Would create");
		assertThat(dry.selectFirst(".import-report tr[data-kind=articles] .created").text()).isEqualTo("2");
		assertThat(dry.selectFirst(".import-report tr[data-kind=comments] .created").text()).isEqualTo("2");
		assertThat(count("article")).isEqualTo(articles);

		Document done = finished(admin, admin.postFile("/admin/import?source=wordpress", "file", "page-upload.xml",
				"application/xml", wxr));

		assertThat(done.selectFirst("#import-status").text()).isEqualTo("Finished.");
		assertThat(done.selectFirst(".import-report tr[data-kind=articles] .created").text()).isEqualTo("2");
		assertThat(done.selectFirst(".import-reasons[data-kind=images]").text()).contains("2017/01/missing.jpg not found");
		assertThat(count("article")).isEqualTo(articles + 2);
		assertThat(admin.getJson("/api/v1/articles/small-post-1-" + Integer.toHexString("https://page-upload.example"
				.hashCode())).statusCode()).isEqualTo(200);

		Document again = finished(admin, admin.postFile("/admin/import?source=wordpress", "file", "page-upload.xml",
				"application/xml", wxr));

		assertThat(again.selectFirst(".import-report tr[data-kind=articles] .skipped").text()).isEqualTo("2");
		assertThat(again.selectFirst(".import-unchanged").text()).contains("nothing changed");
		assertThat(count("article")).isEqualTo(articles + 2);
		assertThat(Jsoup.parse(admin.get("/admin/import").body()).select(".import-runs li")).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void filesThatAreNotExportsOrCarryEntityAttacksAreRefusedOnTheFormAtOnce() {
		Http admin = signedIn("Ivo Importer", Role.ADMIN);
		long records = count("import_record");

		assertRefusedOnTheForm(admin, "wordpress", "notes.xml", "This is a CSV file, not XML", "not well-formed XML");
		assertRefusedOnTheForm(admin, "wordpress", "laughs.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE rss [
				  <!ENTITY lol "lol">
				  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
				]>
				<rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>
				""", "billion laughs");
		assertRefusedOnTheForm(admin, "disqus", "xxe.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE disqus [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<disqus><thread><title>&secret;</title></thread></disqus>
				""", "XXE");
		assertRefusedOnTheForm(admin, "disqus", "wordpress.xml", WordPressFixtures.smallSite("https://wrong.example", 1),
				"not a Disqus export");
		assertThat(count("import_record")).isEqualTo(records);
	}

	private void assertRefusedOnTheForm(Http admin, String source, String name, String content, String message) {
		HttpResponse<String> response = admin.postFile("/admin/import?source=" + source, "file", name,
				"application/xml", bytes(content));

		assertThat(response.statusCode()).as(name).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#import-error[role=alert]").text()).as(name).contains(message, "Nothing was imported");
		assertThat(page.selectFirst("form.import-form input[type=file]")).isNotNull();
		assertThat(response.body()).doesNotContain("root:x:0", "Exception", "at dev.gazette");
	}

	@Test
	void onlyAdminsMayImport() {
		HttpResponse<String> anonymous = new Http(port).get("/admin/import");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/sign-in");

		Http moderator = signedIn("Mo Moderator", Role.MODERATOR);
		assertThat(moderator.get("/admin/import").statusCode()).isEqualTo(403);
		assertThat(moderator.postFile("/admin/import", "file", "x.xml", "application/xml",
				bytes(WordPressFixtures.smallSite("https://sneaky.example", 1))).statusCode()).isEqualTo(403);
		assertThat(count("import_record where source = 'wordpress:https://sneaky.example'")).isZero();
	}
}
