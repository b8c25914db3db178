package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what. Every account is a reader; an admin hands out the other roles in {@code /admin/people}, the one
 * page only an admin may open. A change of roles ends the person's sessions. (That the last admin cannot be demoted
 * is in {@code AccountsOverTimeTests}, whose application has exactly one admin.)
 */
@RunningGazette
class RolesTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Readers readers;

	Reader admin;

	Http adminBrowser;

	@BeforeEach
	void anAdminSignedIn() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		admin = readers.join("Ani Admin", Role.ADMIN);
		adminBrowser = Http.signedInAs(port, admin);
	}

	@Test
	void aGuestIsSentToSignInFirst() {
		HttpResponse<String> guest = new Http(port).get("/admin/people");

		assertThat(guest.statusCode()).isEqualTo(302);
		assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
	void everyRoleButAdminIsForbiddenThePeoplePageAndCannotChangeRoles(Role role) {
		Reader someone = role == Role.READER ? readers.join("Plain Reader") : readers.join("A " + role.key(), role);
		Reader target = readers.join("Target");
		Http browser = Http.signedInAs(port, someone);

		HttpResponse<String> page = browser.get("/admin/people");
		HttpResponse<String> grant = browser.postForm("/admin/people/" + target.id() + "/roles",
				Map.of("role", "ADMIN", "grant", "true"));
		HttpResponse<String> grantSelf = browser.postForm("/admin/people/" + someone.id() + "/roles",
				Map.of("role", "ADMIN", "grant", "true"));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(page.body()).selectFirst(".error-page h1")).isNotNull();
		assertThat(page.body()).doesNotContain(target.email());
		assertThat(grant.statusCode()).isEqualTo(403);
		assertThat(grantSelf.statusCode()).isEqualTo(403);
		assertThat(roles(target)).isEmpty();
		assertThat(roles(someone)).isEqualTo(role == Role.READER ? List.of() : List.of(role.key()));
	}

	@Test
	void anAdminFindsPeopleByNameOrAddressAndSeesTheirRoles() {
		Reader moderator = readers.join("Mira Moderator", Role.MODERATOR);

		Document page = page(adminBrowser.get("/admin/people?q=" + moderator.email()));

		Element row = page.getElementById("person-" + moderator.id());
		assertThat(row.select("td").get(1).text()).isEqualTo(moderator.email());
		assertThat(row.select("button[aria-pressed=true]").eachText()).containsExactly("moderator");
		assertThat(row.select("button").eachText()).containsExactly("contributor", "author", "editor", "moderator", "admin");
		assertThat(page.select("tbody tr")).hasSize(1);
		assertThat(page(adminBrowser.get("/admin/people?q=mira%20moderator")).getElementById("person-" + moderator.id()))
			.isNotNull();
	}

	@Test
	void grantingARoleWithThePageStoresItRecordsWhoDidItAndEndsThePersonsSessions() {
		Reader person = readers.join("Eli Editor-to-be");
		Http personsBrowser = Http.signedInAs(port, person);
		Element form = page(adminBrowser.get("/admin/people?q=" + person.email())).getElementById("person-" + person.id())
			.selectFirst("form:has(input[name=role][value=EDITOR])");

		HttpResponse<String> asked = adminBrowser.postForm(form.attr("action"), fields(form));
		Document confirmation = page(asked);
		assertThat(confirmation.selectFirst("main h1").text()).isEqualTo("Make Eli Editor-to-be an editor?");
		assertThat(confirmation.select(".role-effects li").eachText()).anyMatch(line -> line.contains("publish"))
			.anyMatch(line -> line.contains("signed out everywhere"));
		assertThat(roles(person)).as("nothing changed before confirming").isEmpty();

		assertThat(confirmation.selectFirst("main form.account-form button").text())
			.isEqualTo("Yes, make Eli Editor-to-be an editor");
		HttpResponse<String> granted = adminBrowser.postForm(form.attr("action"),
				Map.of("role", "EDITOR", "grant", "true", "confirmed", "true"));

		assertThat(granted.statusCode()).isEqualTo(302);
		assertThat(granted.headers().firstValue("Location").orElseThrow()).contains("/admin/people?changed=" + person.id());
		assertThat(roles(person)).containsExactly("editor");
		assertThat(jdbc.sql("select kind, detail, actor_id from account_event where account_id = :id order by id desc limit 1")
			.param("id", person.id())
			.query()
			.singleRow()).containsEntry("kind", "role-granted").containsEntry("detail", "editor").containsEntry("actor_id", admin.id());
		assertThat(personsBrowser.get("/settings").statusCode()).as("signed out by the change").isEqualTo(302);
		assertThat(adminBrowser.get("/admin/people").statusCode()).as("the admin's own session goes on").isEqualTo(200);
	}

	@Test
	void revokingARoleTakesItAwayAtOnce() {
		Reader person = readers.join("Mo Moderator", Role.MODERATOR, Role.ADMIN);
		Http personsBrowser = Http.signedInAs(port, person);
		assertThat(personsBrowser.get("/admin/people").statusCode()).isEqualTo(200);

		adminBrowser.postForm("/admin/people/" + person.id() + "/roles",
				Map.of("role", "ADMIN", "grant", "false", "confirmed", "true"));

		assertThat(roles(person)).containsExactly("moderator");
		assertThat(personsBrowser.get("/admin/people").statusCode()).as("signed out").isEqualTo(302);
		assertThat(Http.signedInAs(port, person).get("/admin/people").statusCode()).as("no longer an admin").isEqualTo(403);
	}

	@Test
	void grantingAdminAsksTheAdminToTickThatTheyTrustThePerson() {
		Reader person = readers.join("Ada Admin-to-be");
		String roles = "/admin/people/" + person.id() + "/roles";

		Document confirmation = page(adminBrowser.postForm(roles, Map.of("role", "ADMIN", "grant", "true")));
		assertThat(confirmation.selectFirst(".warning-box").text()).contains("An admin can do everything");
		HttpResponse<String> unticked = adminBrowser.postForm(roles,
				Map.of("role", "ADMIN", "grant", "true", "confirmed", "true"));

		assertThat(unticked.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unticked.body()).selectFirst("[role=alert]").text()).contains("Tick the box");
		assertThat(roles(person)).isEmpty();

		adminBrowser.postForm(roles, Map.of("role", "ADMIN", "grant", "true", "confirmed", "true", "understood", "true"));
		assertThat(roles(person)).containsExactly("admin");
	}

	@Test
	void aRoleThatDoesNotExistIsABadRequestAndChangesNothing() {
		Reader person = readers.join("Sam");

		HttpResponse<String> response = adminBrowser.postForm("/admin/people/" + person.id() + "/roles",
				Map.of("role", "SUPERUSER", "grant", "true"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(roles(person)).isEmpty();
	}

	@Test
	void changingTheRolesOfAnAccountThatIsGoneSaysSo() {
		HttpResponse<String> response = adminBrowser.postForm("/admin/people/987654321/roles",
				Map.of("role", "EDITOR", "grant", "true"));

		Document page = page(adminBrowser.follow(response));
		assertThat(page.selectFirst(".admin .form-error").text()).isEqualTo("That account does not exist any more.");
	}

	// --- helpers ---

	private List<String> roles(Reader reader) {
		return jdbc.sql("select role from account_role where account_id = :id order by role")
			.param("id", reader.id())
			.query(String.class)
			.list();
	}

	private static Document page(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Map<String, String> fields(Element form) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
		return fields;
	}
}
