package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.support.Http;
import dev.gazette.support.Readers;
import dev.gazette.account.internal.FirstAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install without {@code gazette.accounts.admin-email}: on start, Gazette writes a single-use set-up link to
 * its log, and whoever can read the log creates the first admin with it, once. (The admin from the settings is in
 * {@code AccountsOverTimeTests}.)
 */
@GazetteWithSmallLimits
@ExtendWith(OutputCaptureExtension.class)
class SettingUpTheFirstAdminTests {

	private static final Pattern SETUP_LINK = Pattern.compile("https://gazette\\.example(/setup\\?token=[A-Za-z0-9_-]+)");

	@Autowired
	FirstAdmin firstAdmin;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void aBrowser() {
		http = new Http(port);
	}

	@Test
	void theLinkInTheLogCreatesAVerifiedAdminOnceAndThenThereIsNothingToSetUp(CapturedOutput log) {
		assertThat(administration.hasAdmin()).as("a fresh install").isFalse();
		int logged = log.getOut().length();
		firstAdmin.run(null); // as on start
		String link = setupLink(log.getOut().substring(logged));
		String email = Readers.uniqueEmail("chief");

		Document form = Jsoup.parse(http.get(link).body());
		assertThat(form.selectFirst("main h1").text()).isEqualTo("Create the first admin");
		String token = form.selectFirst("input[name=token]").val();

		HttpResponse<String> weak = setUp(token, email, "Chief", "password123");
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(weak.body()).selectFirst("#password-error").text()).contains("too common");
		assertThat(accounts.findByEmail(email)).as("nothing created").isEmpty();

		HttpResponse<String> created = setUp(token, email, "Chief Editor", Readers.PASSWORD);

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(created.body()).selectFirst("main h1").text()).isEqualTo("You are the admin");
		Account admin = accounts.findByEmail(email).orElseThrow();
		assertThat(admin.displayName()).isEqualTo("Chief Editor");
		assertThat(admin.emailVerified()).isTrue();
		assertThat(admin.roles()).contains(Role.ADMIN);
		assertThat(http.get("/admin/settings").statusCode()).as("signed in as the new admin").isEqualTo(200);
		assertThat(Jsoup.parse(http.get("/").body()).select("header a[href=/admin]").eachText())
			.containsExactly("Staff pages");

		HttpResponse<String> again = setUp(token, Readers.uniqueEmail("second"), "Second", Readers.PASSWORD);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(again.body()).selectFirst("main h1").text()).isEqualTo("Nothing to set up");
		assertThat(http.get(link).statusCode()).isEqualTo(404);
		assertThat(administration.search("second-", 10, 0)).isEmpty();

		int beforeRestart = log.getOut().length();
		firstAdmin.run(null); // a restart
		assertThat(log.getOut().substring(beforeRestart)).as("no new link once there is an admin").doesNotContain("/setup");
	}

	@Test
	void withoutAValidTokenThereIsNothingToSetUp() {
		String email = Readers.uniqueEmail("intruder");

		for (String token : new String[] { "", "made-up-token" }) {
			assertThat(http.get("/setup?token=" + token).statusCode()).isEqualTo(404);
			assertThat(setUp(token, email, "Intruder", Readers.PASSWORD).statusCode()).isEqualTo(404);
		}
		assertThat(http.get("/setup").statusCode()).isEqualTo(404);
		assertThat(accounts.findByEmail(email)).isEmpty();
	}

	// --- helpers ---

	private HttpResponse<String> setUp(String token, String email, String name, String password) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", token);
		fields.put("email", email);
		fields.put("displayName", name);
		fields.put("password", password);
		return http.postForm("/setup", fields);
	}

	private static String setupLink(String log) {
		Matcher link = SETUP_LINK.matcher(log);
		assertThat(link.find()).as("a set-up link in the log:\n" + log).isTrue();
		return link.group(1);
	}
}
