package dev.gazette.newsroom.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.Account;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pitches: a guest sends one from Write for us; editors read the queue and invite the sender as a contributor (who
 * then chooses a password from the mailed link, signs in and starts a draft) or decline it, and every decision keeps
 * who and when.
 */
@RunningGazette
class PitchesTests {

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

	Readers readers;

	Mailbox mailbox;

	Reader editorAccount;

	Http editor;

	@BeforeEach
	void anEditorSignedIn() {
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
		editorAccount = readers.join("Lior Editor", Role.EDITOR);
		editor = Http.signedInAs(port, editorAccount);
	}

	@Test
	void aGuestSendsAPitchAndIsToldItArrived() {
		String email = Readers.uniqueEmail("pitcher");
		Http guest = new Http(port);
		Document page = Jsoup.parse(guest.get("/write-for-us").body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Write for us");
		assertThat(page.select("form.pitch-form textarea#summary")).hasSize(1);

		HttpResponse<String> sent = guest.postForm("/write-for-us", pitch("Ayşe Yılmaz 🌊", email,
				"Why the Bosphorus ferries matter to İstanbul.", ""));

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(sent.body()).selectFirst("h1").text()).isEqualTo("Thank you, Ayşe Yılmaz 🌊");
		Map<String, Object> stored = jdbc.sql("select * from pitch where email = :email").param("email", email).query().singleRow();
		assertThat(stored.get("name")).isEqualTo("Ayşe Yılmaz 🌊");
		assertThat(stored.get("status")).isEqualTo("open");
		assertThat(mailbox.latestTo(email).subject()).isEqualTo("We received your pitch");
		assertThat(mailbox.latestTo(email).text()).contains("Hello Ayşe Yılmaz 🌊")
			.as("a stranger's text is not mailed on").doesNotContain("Bosphorus");
	}

	@Test
	void badPitchesGetTheFormBackWithMessagesAndStoreNothing() {
		long before = pitchCount();
		Http guest = new Http(port);

		HttpResponse<String> empty = guest.postForm("/write-for-us", pitch("", "", "", ""));
		HttpResponse<String> wrong = guest.postForm("/write-for-us", pitch("Sam", "sam at example", "s".repeat(2_001), ""));
		Map<String, String> scripted = pitch("Sam", "sam@example.com", "A fine idea.", "x".repeat(20_001));
		scripted.put("sampleUrl", "javascript:alert(1)");
		HttpResponse<String> badSample = guest.postForm("/write-for-us", scripted);

		assertThat(empty.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(empty.body());
		assertThat(form.getElementById("name-error").text()).contains("your name");
		assertThat(form.getElementById("email-error").text()).contains("e-mail");
		assertThat(form.getElementById("summary-error").text()).contains("what you would like to write about");
		assertThat(wrong.statusCode()).isEqualTo(400);
		Document wrongForm = Jsoup.parse(wrong.body());
		assertThat(wrongForm.getElementById("email-error").text()).contains("does not look like");
		assertThat(wrongForm.getElementById("summary-error").text()).contains("2,000");
		assertThat(wrongForm.selectFirst("input#name").val()).as("what was typed stays").isEqualTo("Sam");
		assertThat(badSample.statusCode()).isEqualTo(400);
		Document sampleForm = Jsoup.parse(badSample.body());
		assertThat(sampleForm.getElementById("sample-error").text()).contains("20,000");
		assertThat(sampleForm.getElementById("sampleUrl-error").text()).contains("https://");
		assertThat(pitchCount()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>@x.example", "x@x.example,root" })
	void anAddressTheMailCannotTakeIsRefusedByTheFieldOnTheFormAndInTheApi(String address) {
		long before = pitchCount();

		HttpResponse<String> form = new Http(port).postForm("/write-for-us", pitch("Sam", address, "A fine idea.", ""));
		HttpResponse<String> api = new Http(port).postJson("/api/v1/pitches",
				Json.object("name", "Sam", "email", address, "summary", "A fine idea."));

		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(form.body()).getElementById("email-error").text()).contains("does not look like");
		assertThat(Jsoup.parse(form.body()).selectFirst("input#email").val()).isEqualTo(address);
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Json.read(api).get("errors").findValuesAsString("field")).containsExactly("email");
		assertThat(pitchCount()).isEqualTo(before);
	}

	@Test
	void anEditorInvitesTheSenderWhoChoosesAPasswordSignsInAndStartsADraft() {
		String email = Readers.uniqueEmail("newvoice");
		new Http(port).postForm("/write-for-us", pitch("Dara Nouri", email, "Water rights along the Tigris, from a "
				+ "farmer's daughter.\n\n<script>alert(1)</script>", "A sample paragraph about the river."));
		long id = pitchId(email);

		Document queue = Jsoup.parse(editor.get("/admin/pitches").body());
		assertThat(queue.select(".pitch-line[data-pitch=" + id + "]").text()).contains("Dara Nouri").contains("Tigris");
		HttpResponse<String> shown = editor.get("/admin/pitches/" + id);
		assertThat(shown.body()).doesNotContain("<script>alert(1)</script>");
		Document pitchPage = Jsoup.parse(shown.body());
		assertThat(pitchPage.selectFirst(".pitch-summary").wholeText()).contains("<script>alert(1)</script>");
		assertThat(pitchPage.selectFirst(".pitch-sample").text()).isEqualTo("A sample paragraph about the river.");

		HttpResponse<String> invited = editor.postForm("/admin/pitches/" + id + "/invite", Map.of());

		assertThat(invited.statusCode()).isEqualTo(302);
		Account account = accounts.findByEmail(email).orElseThrow();
		assertThat(account.roles()).contains(Role.CONTRIBUTOR);
		assertThat(account.displayName()).isEqualTo("Dara Nouri");
		Map<String, Object> decided = jdbc.sql("select * from pitch where id = :id").param("id", id).query().singleRow();
		assertThat(decided.get("status")).isEqualTo("invited");
		assertThat(decided.get("decided_by")).isEqualTo(editorAccount.id());
		assertThat(decided.get("decided_at")).isNotNull();
		assertThat(Jsoup.parse(editor.get("/admin/pitches/" + id).body()).selectFirst(".pitch-status").text())
			.contains("invited").contains("by Lior Editor");

		Mailbox.Message invitation = mailbox.latestTo(email);
		assertThat(invitation.subject()).contains("your invitation");
		String link = invitation.link("/reset-password");
		Http contributor = new Http(port);
		assertThat(contributor.get(link).statusCode()).isEqualTo(200);
		HttpResponse<String> chosen = contributor.postForm("/reset-password",
				Map.of("token", Mailbox.Message.tokenOf(link), "password", "River reeds bend at noon"));
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
		HttpResponse<String> signIn = contributor.signIn(email, "River reeds bend at noon");
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		String token = Jsoup.parse(contributor.postForm("/settings/tokens", Map.of("name", "drafts")).body())
			.selectFirst("code.token")
			.text();
		HttpResponse<String> draft = new Http(port).withToken(token, "POST", "/api/v1/newsroom/articles",
				Json.object("headline", "Who owns the Tigris?", "bodyMarkdown", "The river is older than every border."));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		assertThat(Json.read(draft).get("state").asString()).isEqualTo("draft");

		HttpResponse<String> again = editor.postForm("/admin/pitches/" + id + "/decline", Map.of("message", "Too late."));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(again.body()).selectFirst(".form-error").text()).contains("already invited");

		// Their pitch is part of what Gazette holds about them.
		tools.jackson.databind.JsonNode yours = Json.read(contributor.get("/settings/export")).get("pitches");
		assertThat(yours).hasSize(1);
		assertThat(yours.get(0).get("summary").asString()).startsWith("Water rights along the Tigris");
		assertThat(yours.get(0).get("status").asString()).isEqualTo("invited");
	}

	@Test
	void invitingSomeoneWhoAlreadyHasAnAccountAddsTheRole() {
		Reader reader = readers.join("Existing Reader");
		new Http(port).postForm("/write-for-us", pitch("Existing Reader", reader.email(), "A column on the city's markets.", ""));

		editor.postForm("/admin/pitches/" + pitchId(reader.email()) + "/invite", Map.of());

		Account account = accounts.findByEmail(reader.email()).orElseThrow();
		assertThat(account.id()).isEqualTo(reader.id());
		assertThat(account.roles()).contains(Role.CONTRIBUTOR);
		assertThat(mailbox.latestTo(reader.email()).link("/reset-password")).contains("token=");
	}

	@Test
	void decliningRecordsWhoAndWhenAndMailsTheMessage() {
		String email = Readers.uniqueEmail("declined");
		new Http(port).postForm("/write-for-us", pitch("Jo Writer", email, "Ten reasons to love parking garages.", ""));
		long id = pitchId(email);
		int mailsBefore = mailbox.count(email);

		HttpResponse<String> declined = editor.postForm("/admin/pitches/" + id + "/decline",
				Map.of("message", "Thank you; this is not for us, but do pitch again."));

		assertThat(declined.statusCode()).isEqualTo(302);
		Map<String, Object> row = jdbc.sql("select * from pitch where id = :id").param("id", id).query().singleRow();
		assertThat(row.get("status")).isEqualTo("declined");
		assertThat(row.get("decided_by")).isEqualTo(editorAccount.id());
		assertThat(row.get("decided_by_name")).isEqualTo("Lior Editor");
		assertThat(mailbox.count(email)).isEqualTo(mailsBefore + 1);
		assertThat(mailbox.latestTo(email).text()).contains("do pitch again");
		assertThat(accounts.findByEmail(email)).isEmpty();
		Document declinedQueue = Jsoup.parse(editor.get("/admin/pitches?status=declined").body());
		assertThat(declinedQueue.select(".pitch-line[data-pitch=" + id + "]")).hasSize(1);
		assertThat(Jsoup.parse(editor.get("/admin/pitches").body()).select(".pitch-line[data-pitch=" + id + "]")).isEmpty();
	}

	@Test
	void onlyEditorsSeeThePitches() {
		String email = Readers.uniqueEmail("private");
		new Http(port).postForm("/write-for-us", pitch("Private Person", email, "A private idea.", ""));
		long id = pitchId(email);
		Http contributor = Http.signedInAs(port, readers.join("Cleo Contributor", Role.CONTRIBUTOR));

		assertThat(contributor.get("/admin/pitches").statusCode()).isEqualTo(403);
		assertThat(contributor.get("/admin/pitches/" + id).statusCode()).isEqualTo(403);
		assertThat(contributor.postForm("/admin/pitches/" + id + "/invite", Map.of()).statusCode()).isEqualTo(403);
		assertThat(new Http(port).get("/admin/pitches").statusCode()).isEqualTo(302);
		assertThat(accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void theApiTakesPitchesFromAnyoneAndListsThemForEditors() {
		String email = Readers.uniqueEmail("api");
		Http client = new Http(port);

		HttpResponse<String> sent = client.postJson("/api/v1/pitches",
				Json.object("name", "Api Writer", "email", email, "summary", "A pitch by API.", "sampleUrl", "https://blog.example/post"));
		HttpResponse<String> bad = client.postJson("/api/v1/pitches", Json.object("name", "", "email", "nope", "summary", ""));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		assertThat(Json.read(sent).get("status").asString()).isEqualTo("open");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		List<String> fields = Json.read(bad).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).containsExactlyInAnyOrder("name", "email", "summary");

		String token = Jsoup.parse(editor.postForm("/settings/tokens", Map.of("name", "pitches")).body())
			.selectFirst("code.token").text();
		HttpResponse<String> listed = new Http(port).withToken(token, "GET", "/api/v1/pitches?status=open", null);
		assertThat(listed.statusCode()).isEqualTo(200);
		JsonNode mine = Json.read(listed).valueStream().filter(p -> p.get("email").asString().equals(email)).findFirst().orElseThrow();
		assertThat(mine.get("sampleUrl").asString()).isEqualTo("https://blog.example/post");
		assertThat(new Http(port).getJson("/api/v1/pitches").statusCode()).isIn(401, 403);
	}

	@Test
	void theInvitationUnderAnOpinionPiecePointsToWriteForUs() {
		Newsroom.Published opinion = new Newsroom(catalog).article().opinion().publish();

		Document page = Jsoup.parse(new Http(port).get(opinion.path()).body());

		assertThat(page.selectFirst(".disclaimer .contributor-invitation a").attr("href")).isEqualTo("/write-for-us");
	}

	private static Map<String, String> pitch(String name, String email, String summary, String sample) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("email", email);
		form.put("summary", summary);
		form.put("sample", sample);
		form.put("sampleUrl", "");
		return form;
	}

	private long pitchCount() {
		return jdbc.sql("select count(*) from pitch").query(Long.class).single();
	}

	private long pitchId(String email) {
		return jdbc.sql("select id from pitch where email = :email").param("email", email).query(Long.class).single();
	}
}
