package dev.gazette.newsroom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.AuthorProfile;
import dev.gazette.article.Contributors;
import dev.gazette.article.Section;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections, tags and author profiles as editors manage them in {@code /admin/sections}, {@code /admin/tags} and
 * {@code /admin/authors}, and what readers then see on author pages and bylines.
 */
@RunningGazette
class MastheadAdminTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

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

	Newsroom newsroom;

	Http editor;

	@BeforeEach
	void anEditorSignedIn() {
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		newsroom = new Newsroom(catalog);
		editor = Http.signedInAs(port, readers.join("Esra Editor", Role.EDITOR));
	}

	// --- who may

	@Test
	void aGuestIsSentToSignIn() {
		for (String path : List.of("/admin/sections", "/admin/tags", "/admin/authors", "/admin/authors/new")) {
			HttpResponse<String> guest = new Http(port).get(path);
			assertThat(guest.statusCode()).as(path).isEqualTo(302);
			assertThat(guest.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/sign-in");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "READER", "CONTRIBUTOR", "AUTHOR", "MODERATOR" })
	void onlyEditorsAndAdminsMayManageTheMasthead(String roleName) {
		Role role = Role.valueOf(roleName);
		Http someone = Http.signedInAs(port, role == Role.READER ? readers.join("Rana Reader") : readers.join("Someone on staff", role));
		int sectionsBefore = contributors.sections().size();

		assertThat(someone.get("/admin/sections").statusCode()).isEqualTo(403);
		assertThat(someone.get("/admin/tags").statusCode()).isEqualTo(403);
		assertThat(someone.get("/admin/authors").statusCode()).isEqualTo(403);
		assertThat(someone.postForm("/admin/sections", Map.of("name", "Sneaked in")).statusCode()).isEqualTo(403);
		assertThat(contributors.sections()).hasSize(sectionsBefore);
		assertThat(Http.signedInAs(port, readers.join("Ada Admin", Role.ADMIN)).get("/admin/sections").statusCode()).isEqualTo(200);
	}

	// --- sections

	@Test
	void anEditorCreatesASectionWhoseAddressIsMadeFromItsNameAndEditsIt() {
		String name = "Küstenstädte " + Newsroom.unique("x");

		HttpResponse<String> created = editor.postForm("/admin/sections", Map.of("name", name, "description", "Towns by the sea."));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Element line = row(editor.get("/admin/sections"), name);
		String slug = line.attr("data-slug");
		assertThat(slug).startsWith("kustenstadte-x-");
		assertThat(new Http(port).get("/sections/" + slug).statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(new Http(port).get("/").body()).select("nav.sections a").eachText()).contains(name);

		long id = catalog.section(slug).orElseThrow().id();
		HttpResponse<String> edited = editor.postForm("/admin/sections/" + id,
				Map.of("name", name + " und Häfen", "slug", slug + "-und-hafen", "description", ""));

		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
		Section after = catalog.section(slug + "-und-hafen").orElseThrow();
		assertThat(after.name()).isEqualTo(name + " und Häfen");
		assertThat(after.description()).isNull();
		assertThat(catalog.section(slug)).isEmpty();
	}

	@Test
	void badSectionInputGivesTheFormBackWithMessagesAndChangesNothing() {
		Section taken = newsroom.section("Harbours");
		int before = contributors.sections().size();

		HttpResponse<String> blank = editor.postForm("/admin/sections", Map.of("name", "  ", "slug", ""));
		HttpResponse<String> duplicate = editor.postForm("/admin/sections", Map.of("name", "Harbours again", "slug", taken.slug()));
		HttpResponse<String> badSlug = editor.postForm("/admin/sections", Map.of("name", "Ports", "slug", "Ports & Docks"));
		HttpResponse<String> tooLong = editor.postForm("/admin/sections", Map.of("name", "n".repeat(61)));

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(fieldError(blank, "name")).contains("Please give a name");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(fieldError(duplicate, "slug")).contains("Another section already has");
		assertThat(Jsoup.parse(duplicate.body()).selectFirst("input#name").val()).as("what was typed stays").isEqualTo("Harbours again");
		assertThat(badSlug.statusCode()).isEqualTo(400);
		assertThat(fieldError(badSlug, "slug")).contains("ports-docks");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(fieldError(tooLong, "name")).contains("at most 60");
		assertThat(contributors.sections()).hasSize(before);
	}

	@Test
	void sectionsMoveUpAndDownInTheNavigation() {
		Section first = newsroom.section("Alpha " + Newsroom.unique("s"));
		editor.postForm("/admin/sections", Map.of("name", "Omega " + Newsroom.unique("s")));
		List<Contributors.SectionLine> lines = contributors.sections();
		Contributors.SectionLine last = lines.get(lines.size() - 1);
		int firstIndex = indexOf(first.slug());

		editor.postForm("/admin/sections/" + last.section().id() + "/move", Map.of("direction", "up"));
		assertThat(indexOf(last.section().slug())).isEqualTo(lines.size() - 2);

		editor.postForm("/admin/sections/" + last.section().id() + "/move", Map.of("direction", "down"));
		editor.postForm("/admin/sections/" + last.section().id() + "/move", Map.of("direction", "down"));
		assertThat(indexOf(last.section().slug())).as("the last stays last").isEqualTo(lines.size() - 1);
		assertThat(indexOf(first.slug())).isEqualTo(firstIndex);

		List<String> navigation = Jsoup.parse(new Http(port).get("/").body()).select("nav.sections a").eachAttr("href");
		assertThat(navigation).containsSubsequence("/sections/" + contributors.sections().get(0).section().slug(),
				"/sections/" + last.section().slug());
	}

	@Test
	void onlyAnEmptySectionCanBeDeleted() {
		Section busy = newsroom.section("Busy desk");
		newsroom.article().in(busy).publish();
		Section empty = newsroom.section("Empty desk");

		HttpResponse<String> refused = editor.postForm("/admin/sections/" + busy.id() + "/delete", Map.of());
		HttpResponse<String> deleted = editor.postForm("/admin/sections/" + empty.id() + "/delete", Map.of());

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).contains("still holds 1 article")
			.contains("only an empty section can be deleted");
		assertThat(catalog.section(busy.slug())).isPresent();
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(catalog.section(empty.slug())).isEmpty();
	}

	// --- tags

	@Test
	void tagsAreListedWithCountsRenamedMergedAndDeletedOnlyWhenUnused() {
		String sea = "Sea " + Newsroom.unique("t");
		String ocean = "Ocean " + Newsroom.unique("t");
		Newsroom.Published one = newsroom.article().tagged(sea).publish();
		newsroom.article().tagged(sea, ocean).publish();

		Document page = Jsoup.parse(editor.get("/admin/tags").body());
		assertThat(tagRow(page, sea).select("td").get(0).text()).isEqualTo("2");
		long seaId = tagId(sea);
		long oceanId = tagId(ocean);

		HttpResponse<String> refused = editor.postForm("/admin/tags/" + seaId + "/delete", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).contains("only an unused tag");

		HttpResponse<String> clash = editor.postForm("/admin/tags/" + seaId + "/rename", Map.of("name", ocean));
		assertThat(clash.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(clash.body()).selectFirst(".form-error").text()).contains("merge");

		String renamed = "Open sea " + Newsroom.unique("t");
		assertThat(editor.postForm("/admin/tags/" + seaId + "/rename", Map.of("name", renamed)).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(new Http(port).get(one.path()).body()).select(".tags .tag").eachText()).containsExactly(renamed);

		assertThat(editor.postForm("/admin/tags/" + seaId + "/merge", Map.of("into", String.valueOf(oceanId))).statusCode())
			.isEqualTo(302);
		Document merged = Jsoup.parse(editor.get("/admin/tags").body());
		assertThat(merged.select("tr.tag-line th").eachText()).doesNotContain(renamed);
		assertThat(tagRow(merged, ocean).select("td").get(0).text()).as("both articles, once each").isEqualTo("2");

		String unused = "Unused " + Newsroom.unique("t");
		Newsroom.Published tagged = newsroom.article().tagged(unused).publish();
		jdbc.sql("delete from article_tag where article_id = :id").param("id", tagged.id()).update();
		assertThat(editor.postForm("/admin/tags/" + tagId(unused) + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(editor.get("/admin/tags").body()).select("tr.tag-line th").eachText()).doesNotContain(unused);
	}

	// --- authors

	@Test
	void anAuthorProfileWithAUnicodeNameAndSocialLinksShowsOnTheAuthorPageAndTheByline() throws IOException {
		Reader writer = readers.join("Oğuz Türk");
		Map<String, String> form = authorForm("Oğuz Türk 🌊");
		form.put("title", "Correspondent in İzmir");
		form.put("bio", "Writes about ports from İzmir to Haifa (חיפה).");
		form.put("websiteUrl", "https://oguz.example/");
		form.put("mastodonUrl", "https://mastodon.example/@oguz");
		form.put("blueskyUrl", "https://bsky.app/profile/oguz.example");
		form.put("email", "oguz@example.com");
		form.put("accountEmail", writer.email());

		HttpResponse<String> created = editor.postForm("/admin/authors", form);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		AuthorProfile profile = contributors.authorOfAccount(writer.id()).orElseThrow();
		assertThat(profile.author().slug()).isEqualTo("oguz-turk");
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/authors/" + profile.author().id() + "?saved");

		HttpResponse<String> upload = editor.postFile("/admin/authors/" + profile.author().id() + "/picture", "picture",
				"portrait.jpg", "image/jpeg", picture("jpg", 300, 200));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);

		Document page = Jsoup.parse(new Http(port).get("/authors/oguz-turk").body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Oğuz Türk 🌊");
		assertThat(page.selectFirst(".author-title").text()).isEqualTo("Correspondent in İzmir");
		assertThat(page.selectFirst(".bio").text()).contains("(חיפה)");
		assertThat(page.select(".author-links a").eachAttr("href")).containsExactly("https://oguz.example/",
				"https://mastodon.example/@oguz", "https://bsky.app/profile/oguz.example", "mailto:oguz@example.com");
		assertThat(page.select(".author-links a").eachText()).containsExactly("Website", "Mastodon", "Bluesky", "E-mail");
		String avatar = page.selectFirst(".author-header img.avatar").attr("src");
		HttpResponse<byte[]> png = new Http(port).getBytes(avatar);
		assertThat(png.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isEqualTo(256);

		Newsroom.Published article = newsroom.article().by(profile.author()).publish();
		Element byline = Jsoup.parse(new Http(port).get(article.path()).body()).selectFirst(".byline-block .byline");
		assertThat(byline.selectFirst("img.avatar").attr("src")).isEqualTo(avatar);
		assertThat(byline.selectFirst(".byline-title").text()).isEqualTo("Correspondent in İzmir");
		assertThat(byline.text()).contains("Oğuz Türk 🌊");

		// A change to the profile shows on the article page at once, although the article itself did not change.
		Map<String, String> retitled = new LinkedHashMap<>(form);
		retitled.put("slug", "oguz-turk");
		retitled.put("title", "Editor at large");
		assertThat(editor.postForm("/admin/authors/" + profile.author().id(), retitled).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(new Http(port).get(article.path()).body()).selectFirst(".byline-title").text())
			.isEqualTo("Editor at large");
	}

	@Test
	void hostileTextIsEscapedAndScriptAddressesAreRefused() {
		Map<String, String> form = authorForm("Mallory <script>alert(1)</script>");
		form.put("slug", Newsroom.unique("mallory"));
		form.put("bio", "<img src=x onerror=alert(1)> bio");
		form.put("websiteUrl", "javascript:alert(1)");
		form.put("xUrl", "https://x.example/\"><script>alert(1)</script>");

		HttpResponse<String> refused = editor.postForm("/admin/authors", form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(fieldError(refused, "websiteUrl")).contains("https://");
		assertThat(fieldError(refused, "xUrl")).contains("https://");
		assertThat(contributors.profile(form.get("slug"))).isEmpty();
		assertThat(refused.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");

		form.remove("xUrl");
		form.put("websiteUrl", "https://mallory.example/");
		HttpResponse<String> created = editor.postForm("/admin/authors", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);

		HttpResponse<String> page = new Http(port).get("/authors/" + form.get("slug"));
		assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
		Document document = Jsoup.parse(page.body());
		assertThat(document.selectFirst("h1").text()).isEqualTo("Mallory <script>alert(1)</script>");
		assertThat(document.selectFirst(".bio").text()).isEqualTo("<img src=x onerror=alert(1)> bio");
		assertThat(document.select("script")).isEmpty();
	}

	@Test
	void aPublicAddressTheMailCannotTakeIsRefusedByTheField() {
		int before = contributors.authors().size();
		for (String address : new String[] { "<b>@x.example", "x@x.example,root" }) {
			Map<String, String> form = authorForm("Public Address");
			form.put("email", address);

			HttpResponse<String> refused = editor.postForm("/admin/authors", form);

			assertThat(refused.statusCode()).as(address).isEqualTo(400);
			assertThat(fieldError(refused, "email")).contains("e-mail address");
		}
		assertThat(contributors.authors()).hasSize(before);
	}

	@Test
	void badAuthorInputGivesTheFormBackWithMessagesAndChangesNothing() {
		Reader linked = readers.join("Already Linked");
		String taken = Newsroom.unique("taken");
		Map<String, String> first = authorForm("First Writer");
		first.put("slug", taken);
		first.put("accountEmail", linked.email());
		assertThat(editor.postForm("/admin/authors", first).statusCode()).isEqualTo(302);
		int before = contributors.authors().size();

		Map<String, String> bad = authorForm("");
		bad.put("slug", taken);
		bad.put("email", "not an address");
		bad.put("linkedinUrl", "www.linkedin.com/in/someone");
		bad.put("bio", "b".repeat(1_501));
		bad.put("accountEmail", linked.email());
		HttpResponse<String> refused = editor.postForm("/admin/authors", bad);
		Map<String, String> noAccount = authorForm("Second Writer");
		noAccount.put("accountEmail", "nobody-" + Newsroom.unique("x") + "@example.com");
		HttpResponse<String> unknown = editor.postForm("/admin/authors", noAccount);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(fieldError(refused, "displayName")).contains("Please give a display name");
		assertThat(fieldError(refused, "slug")).contains("Another author already has");
		assertThat(fieldError(refused, "email")).contains("e-mail address");
		assertThat(fieldError(refused, "linkedinUrl")).contains("https://");
		assertThat(fieldError(refused, "bio")).contains("at most 1500");
		assertThat(fieldError(refused, "accountEmail")).contains("already writes as another author");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(fieldError(unknown, "accountEmail")).contains("No account has this address");
		assertThat(contributors.authors()).hasSize(before);
	}

	// --- helpers

	private static Map<String, String> authorForm(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", name);
		form.put("slug", "");
		form.put("title", "");
		form.put("bio", "");
		return form;
	}

	private static String fieldError(HttpResponse<String> response, String field) {
		Element error = Jsoup.parse(response.body()).getElementById(field + "-error");
		assertThat(error).as("a message for " + field + " in\n" + response.body()).isNotNull();
		return error.text();
	}

	private static Element row(HttpResponse<String> page, String name) {
		return Jsoup.parse(page.body()).select("tr.section-line").stream()
			.filter(tr -> tr.selectFirst("th").text().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + name));
	}

	private static Element tagRow(Document page, String name) {
		return page.select("tr.tag-line").stream()
			.filter(tr -> tr.selectFirst("th").text().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + name));
	}

	private long tagId(String name) {
		return contributors.tags().stream().filter(tag -> tag.name().equals(name)).findFirst().orElseThrow().id();
	}

	private int indexOf(String slug) {
		List<Contributors.SectionLine> lines = contributors.sections();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).section().slug().equals(slug)) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] picture(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 90, 160));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, format, bytes);
		return bytes.toByteArray();
	}
}
