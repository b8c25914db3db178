package dev.gazette.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.GazetteApplication;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving out: the Harbour Times (imported from {@code transfer/wordpress-6.xml}: Hebrew, emoji, Oğuz Türk, a thread
 * four deep, a held and a spam comment, a featured image) exported as WXR and JSON. The WXR is checked for the elements
 * WordPress writes and read back by Gazette's own importer into a second Gazette with a fresh database; the JSON is
 * parsed back; only admins get either.
 */
@RunningGazette
class ExportTests {

	private static final String WP = "http://wordpress.org/export/1.2/";

	private static final String ARTICLE = "ferry-timetable-winter";

	@Autowired
	WordPressImport importer;

	@Autowired
	WxrExport wxr;

	@Autowired
	JsonExport json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Comments comments;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@LocalServerPort
	int port;

	@TempDir
	static Path dir;

	@BeforeEach
	void theHarbourTimesIsHere() {
		WordPressFixtures.importHarbourTimes(importer, dir);
	}

	private byte[] exportWxr(boolean emails) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		wxr.write(out, new ExportOptions(emails), (done, total) -> {
		});
		return out.toByteArray();
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	private static String wp(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(WP, name);
		return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
	}

	private static List<Element> children(Element parent, String namespace, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getLocalName().equals(name)
					&& (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
				found.add(e);
			}
		}
		return found;
	}

	private static Element item(Document doc, String postName) {
		Element channel = children(doc.getDocumentElement(), null, "channel").get(0);
		return children(channel, null, "item").stream()
			.filter(i -> postName.equals(wp(i, "post_name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + postName));
	}

	@Test
	void theWordPressExportHasTheElementsWordPressWrites() throws Exception {
		Document doc = parse(exportWxr(true));
		Element rss = doc.getDocumentElement();
		Element channel = children(rss, null, "channel").get(0);

		assertThat(rss.getLocalName()).isEqualTo("rss");
		assertThat(rss.getAttribute("version")).isEqualTo("2.0");
		assertThat(children(channel, WP, "wxr_version").get(0).getTextContent()).isEqualTo("1.2");
		assertThat(children(channel, WP, "base_site_url").get(0).getTextContent()).isEqualTo(RunningGazette.BASE_URL);
		assertThat(children(channel, WP, "author")).anySatisfy(a -> {
			assertThat(wp(a, "author_display_name")).isEqualTo("Oğuz Türk");
			assertThat(wp(a, "author_login")).isNotBlank();
			assertThat(wp(a, "author_id")).matches("\\d+");
		});
		assertThat(children(channel, WP, "category")).anySatisfy(c -> {
			assertThat(wp(c, "category_nicename")).isEqualTo("ferries");
			assertThat(wp(c, "cat_name")).isEqualTo("Ferries & Boats");
		});
		assertThat(children(channel, WP, "tag")).anySatisfy(t -> assertThat(wp(t, "tag_name")).isEqualTo("Timetables"));

		Element post = item(doc, ARTICLE);
		assertThat(children(post, null, "title").get(0).getTextContent())
			.isEqualTo("Ferry timetable changes for the winter – what you need to know");
		assertThat(children(post, null, "link").get(0).getTextContent())
			.isEqualTo(RunningGazette.BASE_URL + "/articles/" + ARTICLE);
		assertThat(children(post, "http://purl.org/rss/1.0/modules/content/", "encoded").get(0).getTextContent())
			.contains("<strong>winter timetable</strong>", "a[b[0]]&gt; 1");
		assertThat(children(post, "http://wordpress.org/export/1.2/excerpt/", "encoded").get(0).getTextContent())
			.isEqualTo("Sailings every hour on weekdays & every two hours at weekends.");
		assertThat(wp(post, "post_id")).matches("\\d+");
		assertThat(wp(post, "post_date_gmt")).isEqualTo("2018-03-05 07:30:00");
		assertThat(wp(post, "post_modified_gmt")).isEqualTo("2018-03-06 10:00:00");
		assertThat(wp(post, "status")).isEqualTo("publish");
		assertThat(wp(post, "post_type")).isEqualTo("post");
		assertThat(wp(post, "comment_status")).isEqualTo("open");
		assertThat(children(post, null, "category")).anySatisfy(c -> {
			assertThat(c.getAttribute("domain")).isEqualTo("category");
			assertThat(c.getAttribute("nicename")).isEqualTo("ferries");
		}).anySatisfy(c -> {
			assertThat(c.getAttribute("domain")).isEqualTo("post_tag");
			assertThat(c.getTextContent()).isEqualTo("Timetables");
		});

		String thumbnail = children(post, WP, "postmeta").stream()
			.filter(m -> "_thumbnail_id".equals(wp(m, "meta_key")))
			.map(m -> wp(m, "meta_value"))
			.findFirst()
			.orElseThrow();
		Element attachment = children(channel, null, "item").stream()
			.filter(i -> thumbnail.equals(wp(i, "post_id")))
			.findFirst()
			.orElseThrow();
		assertThat(wp(attachment, "post_type")).isEqualTo("attachment");
		assertThat(wp(attachment, "attachment_url")).startsWith(RunningGazette.BASE_URL + "/media/");
		assertThat(children(attachment, WP, "postmeta").stream().map(m -> wp(m, "meta_key") + "=" + wp(m, "meta_value")))
			.contains("_wp_attachment_image_alt=A white ferry leaving the quay at sunrise");

		List<Element> comments = children(post, WP, "comment");
		assertThat(comments).extracting(c -> wp(c, "comment_author") + " " + wp(c, "comment_approved") + " "
				+ wp(c, "comment_author_email"))
			.contains("Oğuz Türk 1 oguz.reader@mail.example", "נועה 1 noa.reader@mail.example",
					"Held Reader 0 held@mail.example", "Cheap Pills spam spam@spam.example");
		assertThat(comments).allSatisfy(c -> {
			assertThat(wp(c, "comment_type")).isEqualTo("comment");
			assertThat(wp(c, "comment_date_gmt")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
			assertThat(wp(c, "comment_parent")).matches("\\d+");
		});
		assertThat(comments.stream().filter(c -> !"0".equals(wp(c, "comment_parent")))).as("replies").hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void readersEmailAddressesAreLeftOutUnlessAskedFor() throws Exception {
		String without = new String(exportWxr(false), StandardCharsets.UTF_8);

		assertThat(without).doesNotContain("@mail.example", "spam@spam.example").contains("Held Reader");
	}

	@Test
	void gazettesOwnImporterReadsTheExportBackIntoAFreshDatabase() throws IOException {
		// A comment its writer deleted, with a reply under it: it has no text left, and must come back deleted with
		// the reply still under it.
		importer.run(WordPressFixtures.file(dir, "deleted.xml", WordPressFixtures.smallSite("https://deleted.example", 7)),
				null, false, (d, t) -> {
				});
		long deleted = jdbc.sql("select gazette_id from import_record where source = 'wordpress:https://deleted.example' "
				+ "and kind = 'comment'").query(Long.class).single();
		long articleId = jdbc.sql("select article_id from comment where id = :id").param("id", deleted)
			.query(Long.class).single();
		long reply = comments.importComment(articleId, deleted, "Replying Reader", "A reply that stays.",
				CommentStatus.PUBLISHED, java.time.Instant.parse("2017-01-08T12:00:00Z"));
		jdbc.sql("update comment set status = 'deleted', body = '', body_html = '', guest_email = null where id = :id")
			.param("id", deleted).update();
		String deletedSlug = jdbc.sql("select slug from article where id = :id").param("id", articleId)
			.query(String.class).single();

		Path file = dir.resolve("harbour-export.xml");
		try (OutputStream out = Files.newOutputStream(file)) {
			wxr.write(out, new ExportOptions(true), (done, total) -> {
			});
		}
		try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(GazetteApplication.class).run(
				"--server.port=-1", "--gazette.demo-content=false", "--gazette.clock=" + RunningGazette.NOW,
				"--gazette.base-url=https://moved.example")) {
			JdbcClient there = fresh.getBean(JdbcClient.class);
			assertThat(there.sql("select count(*) from article where slug = :s").param("s", ARTICLE)
				.query(Long.class).single()).as("the database is fresh").isZero();

			ImportReport report = fresh.getBean(WordPressImport.class).run(file, null, false, (d, t) -> {
			});

			assertThat(report.counts(WordPressImport.ARTICLES).failed()).isZero();
			assertThat(report.counts(WordPressImport.COMMENTS).failed()).isZero();
			assertThat(report.counts(WordPressImport.IMAGES).reasons()).anySatisfy(r -> assertThat(r)
				.contains("not found"));
			assertThat(article(there)).isEqualTo(article(jdbc));
			assertThat(comments(there)).isEqualTo(comments(jdbc)).contains(
					"published Oğuz Türk oguz.reader@mail.example depth 0",
					"published Ayşe ayse@mail.example depth 3", "pending Held Reader held@mail.example depth 0",
					"rejected Cheap Pills spam@spam.example depth 0");
			assertThat(bodies(there)).isEqualTo(bodies(jdbc)).anySatisfy(b -> assertThat(b).contains("שלום! המעבורת חוזרת 🎉"));
			assertThat(there.sql("""
					select c.status || ' ' || coalesce(p.status, '-') || ' ' || c.body from comment c
					left join comment p on p.id = c.parent_id join article a on a.id = c.article_id
					where a.slug = :slug order by c.created_at""").param("slug", deletedSlug).query(String.class).list())
				.as("the deleted comment and the reply under it").containsExactly("deleted - ", "published deleted A reply that stays.");
			assertThat(reply).isPositive();
			assertThat(state(there, "draft-the-new-marina")).isEqualTo("draft");
			assertThat(state(there, "regatta-preview")).isEqualTo("scheduled");
		}
	}

	/** What a reader and an editor see of the ferry article, in one line. */
	private static String article(JdbcClient db) {
		return db.sql("""
				select a.headline || ' | ' || coalesce(a.standfirst, '') || ' | ' || s.slug || ' | ' || s.name || ' | '
				|| a.state || ' | ' || a.comments_open
				from article a join section s on s.id = a.section_id where a.slug = :slug""")
			.param("slug", ARTICLE)
			.query(String.class)
			.single() + " | " + db.sql("""
					select au.display_name from author au join article_author aa on aa.author_id = au.id
					join article a on a.id = aa.article_id where a.slug = :slug""")
				.param("slug", ARTICLE)
				.query(String.class)
				.list() + " | " + db.sql("""
						select t.name from tag t join article_tag at on at.tag_id = t.id join article a on a.id = at.article_id
						where a.slug = :slug order by t.name""")
					.param("slug", ARTICLE)
					.query(String.class)
					.list() + " | " + db.sql("select published_at from article where slug = :slug")
						.param("slug", ARTICLE)
						.query(java.time.OffsetDateTime.class)
						.single()
						.toInstant() + " | " + db.sql("select updated_at from article where slug = :slug")
							.param("slug", ARTICLE)
							.query(java.time.OffsetDateTime.class)
							.single()
							.toInstant();
	}

	/** Each comment of the ferry article: status, author, address and depth in its thread, oldest first. */
	private static List<String> comments(JdbcClient db) {
		List<Object[]> rows = db.sql("""
				select c.id, c.parent_id, c.status || ' ' || c.author_name || ' ' || coalesce(c.guest_email, '-')
				from comment c join article a on a.id = c.article_id where a.slug = :slug order by c.created_at, c.id""")
			.param("slug", ARTICLE)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3) })
			.list();
		java.util.Map<Long, Long> parents = new java.util.HashMap<>();
		rows.forEach(r -> parents.put((Long) r[0], (Long) r[1]));
		return rows.stream().map(r -> {
			int depth = 0;
			for (Long p = (Long) r[1]; p != null; p = parents.get(p)) {
				depth++;
			}
			return r[2] + " depth " + depth;
		}).toList();
	}

	private static List<String> bodies(JdbcClient db) {
		return db.sql("""
				select c.body from comment c join article a on a.id = c.article_id where a.slug = :slug
				order by c.created_at, c.id""")
			.param("slug", ARTICLE)
			.query(String.class)
			.list();
	}

	private static String state(JdbcClient db, String slug) {
		return db.sql("select state from article where slug = :slug").param("slug", slug).query(String.class).single();
	}

	@Test
	void theJsonDocumentsParseBackWithEveryKind() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		long[] written = json.writeAll(dir.resolve("json"), new ExportOptions(false), (d, t) -> {
		});

		for (JsonExport.Kind kind : JsonExport.Kind.values()) {
			JsonNode doc = mapper.readTree(dir.resolve("json").resolve(kind.fileName()).toFile());
			assertThat(doc.get("format").asString()).isEqualTo("gazette-export");
			assertThat(doc.get("kind").asString()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
			assertThat(doc.get("items").size()).as(kind.name()).isEqualTo(doc.get("count").asInt())
				.isEqualTo((int) written[kind.ordinal()]);
		}
		JsonNode articles = mapper.readTree(dir.resolve("json/articles.json").toFile()).get("items");
		JsonNode ferry = find(articles, "slug", ARTICLE);
		assertThat(ferry.get("headline").asString()).isEqualTo("Ferry timetable changes for the winter – what you need to know");
		assertThat(ferry.get("state").asString()).isEqualTo("published");
		assertThat(ferry.get("section").asString()).isEqualTo("ferries");
		assertThat(ferry.get("publishedAt").asString()).isEqualTo("2018-03-05T07:30:00Z");
		assertThat(ferry.get("bodyHtml").asString()).contains("<strong>winter timetable</strong>");
		assertThat(ferry.get("leadMediaId").isNumber()).isTrue();
		assertThat(find(articles, "slug", "draft-the-new-marina").get("state").asString()).isEqualTo("draft");

		JsonNode comments = mapper.readTree(dir.resolve("json/comments.json").toFile()).get("items");
		assertThat(find(comments, "authorName", "נועה").get("body").asString()).contains("שלום! המעבורת חוזרת 🎉");
		assertThat(find(comments, "authorName", "Held Reader").get("status").asString()).isEqualTo("pending");
		assertThat(find(comments, "authorName", "Cheap Pills").get("status").asString()).isEqualTo("rejected");
		assertThat(find(comments, "authorName", "Ayşe").get("parentId").isNumber()).isTrue();
		assertThat(comments.toString()).doesNotContain("@mail.example");
		assertThat(find(mapper.readTree(dir.resolve("json/authors.json").toFile()).get("items"), "displayName",
				"Oğuz Türk")).isNotNull();
		assertThat(find(mapper.readTree(dir.resolve("json/media.json").toFile()).get("items"), "alt",
				"A white ferry leaving the quay at sunrise").get("url").asString()).startsWith(RunningGazette.BASE_URL + "/media/");

		ByteArrayOutputStream withEmails = new ByteArrayOutputStream();
		json.write(JsonExport.Kind.COMMENTS, withEmails, new ExportOptions(true));
		assertThat(find(mapper.readTree(withEmails.toByteArray()).get("items"), "authorName", "Held Reader")
			.get("email").asString()).isEqualTo("held@mail.example");
	}

	private static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (item.has(field) && value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no item with " + field + " " + value);
	}

	@Test
	void onlyAdminsGetTheExportPageAndItsDownloads() throws Exception {
		HttpResponse<String> anonymous = new Http(port).get("/admin/export/wordpress.xml");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/sign-in");

		Http editor = signedIn("Edith Editor", Role.EDITOR);
		assertThat(editor.get("/admin/export").statusCode()).isEqualTo(403);
		assertThat(editor.get("/admin/export/wordpress.xml").statusCode()).isEqualTo(403);
		assertThat(editor.get("/admin/export/json/comments.json").statusCode()).isEqualTo(403);

		Http admin = signedIn("Ana Admin", Role.ADMIN);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(admin.get("/admin/export").body());
		long articles = jdbc.sql("select count(*) from article").query(Long.class).single();
		assertThat(page.selectFirst(".export-count[data-kind=articles]").text()).isEqualTo(Long.toString(articles));
		assertThat(page.select("form[action=/admin/export/wordpress.xml] input[name=emails]")).hasSize(1);
		assertThat(page.select(".export-files a").eachAttr("href")).contains("/admin/export/json/articles.json");

		HttpResponse<String> download = admin.get("/admin/export/wordpress.xml");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
			.contains(".wordpress.xml");
		assertThat(download.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Document doc = parse(download.body().getBytes(StandardCharsets.UTF_8));
		assertThat(item(doc, ARTICLE)).isNotNull();
		assertThat(download.body()).doesNotContain("@mail.example");
		assertThat(admin.get("/admin/export/wordpress.xml?emails=true").body()).contains("held@mail.example");
		assertThat(admin.get("/admin/export/json/nothing.json").statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/export/json/tags.json").body()).contains("\"kind\":\"tags\"");
	}

	@Test
	void theCommandLineWritesBothFormatsWithAProgressBarAndExplainsItsUsage() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		java.io.PrintStream out = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);
		Path file = dir.resolve("cli.xml");

		int status = ExportCommand.run(GazetteApplication.class, new String[] { "export", "wordpress", file.toString(),
				"--gazette.base-url=https://cli.example" }, out);

		assertThat(status).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Wrote " + file, "pages");
		Document doc = parse(Files.readAllBytes(file));
		Element channel = children(doc.getDocumentElement(), null, "channel").get(0);
		assertThat(children(channel, WP, "base_site_url").get(0).getTextContent()).isEqualTo("https://cli.example");
		assertThat(item(doc, "about").getElementsByTagNameNS(WP, "post_type").item(0).getTextContent()).isEqualTo("page");

		Path folder = dir.resolve("cli-json");
		assertThat(ExportCommand.run(GazetteApplication.class, new String[] { "export", "json", folder.toString() }, out))
			.isZero();
		try (var files = Files.list(folder)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("articles.json",
					"comments.json", "authors.json", "sections.json", "tags.json", "media.json", "pages.json");
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("100%", "no --gazette.base-url");

		assertThat(ExportCommand.run(GazetteApplication.class, new String[] { "export", "drupal", "x" }, out)).isEqualTo(2);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Usage: export wordpress FILE");
	}

	/** A browser signed in as a new account of its own with these roles ({@link Http#signedInAs}). */
	private Http signedIn(String name, Role role) {
		return Http.signedInAs(port,
				new Readers(registration, accounts, administration, new Mailbox(jdbc)).join(name, role));
	}
}
