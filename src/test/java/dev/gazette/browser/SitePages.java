package dev.gazette.browser;

import java.net.http.HttpResponse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.media.MediaItem;
import dev.gazette.media.MediaLibrary;
import dev.gazette.newsroom.ArticlePatch;
import dev.gazette.newsroom.Workflow;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;

import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every kind of page Gazette shows a person, with an address of one of each in the browser tests' Gazette and who
 * has to be signed in to see it, for the checks that must hold on all of them (accessibility, HTML validity). Every
 * admin page that exists is here; a new one belongs here too.
 */
final class SitePages {

	/** Who looks at a page: nobody signed in, a reader signed in to their account, or an admin. */
	enum Visitor {
		GUEST, READER, ADMIN
	}

	enum Kind {

		FRONT_PAGE, SECTION_PAGE, AUTHOR_PAGE, ARTICLE_WITH_DISCUSSION, LONG_DISCUSSION_PAGE_2, THREAD_PAGE, REPLY_PAGE,
		NOT_FOUND_PAGE(404, Visitor.GUEST), EMAIL_A_FRIEND_PAGE, EMAIL_A_FRIEND_SIGNED_IN(200, Visitor.READER),

		JOIN_PAGE, SIGN_IN_PAGE, FORGOT_PASSWORD_PAGE, RESET_PASSWORD_PAGE, PROFILE_PAGE,
		ARTICLE_SIGNED_IN(200, Visitor.READER), EDIT_COMMENT_PAGE(200, Visitor.READER),
		DELETE_COMMENT_PAGE(200, Visitor.READER), SETTINGS_PAGE(200, Visitor.READER),

		ADMIN_PEOPLE_PAGE(200, Visitor.ADMIN), OUTBOX_PAGE(200, Visitor.ADMIN), OUTBOX_MESSAGE_PAGE(200, Visitor.ADMIN),

		GUIDELINES_PAGE, REPORT_COMMENT_PAGE(200, Visitor.READER), MODERATION_QUEUE_PAGE(200, Visitor.ADMIN),
		MODERATION_QUEUE_OF_ONE_ARTICLE(200, Visitor.ADMIN), WORD_LISTS_PAGE(200, Visitor.ADMIN),
		AUDIT_LOG_PAGE(200, Visitor.ADMIN), CLASSIFIER_PAGE(200, Visitor.ADMIN),
		DISCUSSION_SETTINGS_PAGE(200, Visitor.ADMIN),

		NEWSLETTER_PAGE, NEWSLETTER_SIGNED_IN(200, Visitor.READER), ADMIN_NEWSLETTER_PAGE(200, Visitor.ADMIN),
		ADMIN_WEBHOOKS_PAGE(200, Visitor.ADMIN), ADMIN_JOBS_PAGE(200, Visitor.ADMIN), ADMIN_MEDIA_LIBRARY_PAGE(200, Visitor.ADMIN),
		ADMIN_MEDIA_ITEM_PAGE(200, Visitor.ADMIN), ARTICLE_WITH_LIBRARY_IMAGE, ARTICLE_WITH_BODY_FIGURE_AND_EMBED,

		ABOUT_PAGE, CONTACT_PAGE, WRITE_FOR_US_PAGE, ADMIN_SECTIONS_PAGE(200, Visitor.ADMIN),
		ADMIN_TAGS_PAGE(200, Visitor.ADMIN), ADMIN_AUTHORS_PAGE(200, Visitor.ADMIN),
		ADMIN_AUTHOR_PAGE(200, Visitor.ADMIN), ADMIN_PAGES_PAGE(200, Visitor.ADMIN),
		ADMIN_PAGE_EDIT_PAGE(200, Visitor.ADMIN), ADMIN_PITCHES_PAGE(200, Visitor.ADMIN),
		ADMIN_PITCH_PAGE(200, Visitor.ADMIN),

		NEWSROOM_DASHBOARD(200, Visitor.ADMIN), ARTICLES_LIST(200, Visitor.ADMIN), NEW_ARTICLE_PAGE(200, Visitor.ADMIN),
		ARTICLE_EDITOR(200, Visitor.ADMIN), REVISIONS_PAGE(200, Visitor.ADMIN), REVISION_DIFF_PAGE(200, Visitor.ADMIN),
		RESTORE_REVISION_PAGE(200, Visitor.ADMIN),

		STAFF_HOME(200, Visitor.ADMIN), PUBLICATION_SETTINGS_PAGE(200, Visitor.ADMIN), PRIVACY_PAGE, TERMS_PAGE,

		FRONT_PAGE_DESK(200, Visitor.ADMIN), SECTION_FRONT_PAGE_DESK(200, Visitor.ADMIN), OPINION_SECTION_PAGE,
		NEWSROOM_MAIL_SETTINGS(200, Visitor.ADMIN), ADMIN_EXPORT_PAGE(200, Visitor.ADMIN),
		ADMIN_IMPORT_PAGE(200, Visitor.ADMIN), ADMIN_IMPORT_REPORT_PAGE(200, Visitor.ADMIN);

		private final int status;

		private final Visitor visitor;

		Kind() {
			this(200, Visitor.GUEST);
		}

		Kind(int status, Visitor visitor) {
			this.status = status;
			this.visitor = visitor;
		}

		/** The status the page is served with. */
		int status() {
			return status;
		}

		/** Who has to be signed in to see the page as the test means it. */
		Visitor visitor() {
			return visitor;
		}

		@Override
		public String toString() {
			return name().toLowerCase().replace('_', ' ');
		}
	}

	private final Map<Kind, String> paths = new EnumMap<>(Kind.class);

	private final Map<Visitor, Readers.Reader> accounts = new EnumMap<>(Visitor.class);

	private SitePages() {
	}

	/**
	 * Publishes what the demo content lacks (a discussion long enough to have a second page, a thread with more
	 * replies than the article page shows, a reader with a bio and a comment of their own, an admin, a password
	 * reset under way) and notes an address of every kind of page.
	 */
	static SitePages publish(ArticleCatalog catalog, Comments comments, Commenting commenting, Discussions discussions,
			Profiles profiles, Passwords passwords,
			Readers readers, Mailbox mailbox, int port, MediaLibrary media, UserDetailsService users, Workflow workflow) {
		DemoNewsroom newsroom = new DemoNewsroom(catalog, comments);
		Published article = newsroom.longDiscussion("Readers debate the harbour plan at length", 52);
		Comment busiest = discussions.discussion(article.id()).page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root().comment();
		for (int i = 0; i < 32; i++) {
			newsroom.reply(article, busiest.id(), "Replier " + i, "One more view, number " + i + ".", 500 + i);
		}
		String river = "/articles/" + BrowsingGazette.RIVER;
		long riverId = catalog.find(BrowsingGazette.RIVER).orElseThrow().id();
		Comment firstOnRiver = discussions.discussion(riverId).page(DiscussionSort.OLDEST, 1, 50).threads().get(0).root().comment();

		Readers.Reader reader = readers.join("Miriam Haddad");
		profiles.update(reader.id(), reader.displayName(),
				"Retired harbour pilot. Reads the shipping news first.", true, false);
		Published commented = newsroom.article("Pilots ask for a second tug in the harbour");
		newsroom.comment(commented, "Kaan", "Two tugs would cost the port very little.", 4);
		Comment own = commenting.submit(commented.slug(), new CommentDraft("A second tug, *yes*: I saw why in 1998.", null),
				new Commenter(reader.id(), reader.displayName(), null))
			.stored()
			.orElseThrow();
		passwords.requestReset(reader.email());
		Mailbox.Message resetMail = mailbox.latestTo(reader.email());
		Readers.Reader admin = readers.join("Sami Admin", Role.ADMIN);
		long pitch = Json.read(new Http(port).postJson("/api/v1/pitches", Json.object("name", "Pınar Writer", "email",
				Readers.uniqueEmail("pitch"), "summary", "A series on the bridges of the old town.\nThree pieces, one a week.",
				"sample", "The first bridge was wooden."))).get("id").asLong();

		SitePages pages = new SitePages();
		pages.accounts.put(Visitor.READER, reader);
		pages.accounts.put(Visitor.ADMIN, admin);
		pages.paths.put(Kind.FRONT_PAGE, "/");
		pages.paths.put(Kind.SECTION_PAGE, "/sections/" + BrowsingGazette.SECTION);
		pages.paths.put(Kind.AUTHOR_PAGE, "/authors/" + BrowsingGazette.AUTHOR);
		pages.paths.put(Kind.ARTICLE_WITH_DISCUSSION, river);
		pages.paths.put(Kind.LONG_DISCUSSION_PAGE_2, article.path() + "?sort=oldest&cpage=2");
		pages.paths.put(Kind.THREAD_PAGE, article.path() + "/threads/" + busiest.id());
		pages.paths.put(Kind.REPLY_PAGE, river + "/comments/" + firstOnRiver.id() + "/reply");
		pages.paths.put(Kind.NOT_FOUND_PAGE, "/articles/no-such-story");
		pages.paths.put(Kind.EMAIL_A_FRIEND_PAGE, river + "/email");
		pages.paths.put(Kind.EMAIL_A_FRIEND_SIGNED_IN, commented.path() + "/email");
		pages.paths.put(Kind.JOIN_PAGE, "/join");
		pages.paths.put(Kind.SIGN_IN_PAGE, "/sign-in");
		pages.paths.put(Kind.FORGOT_PASSWORD_PAGE, "/forgot-password");
		pages.paths.put(Kind.RESET_PASSWORD_PAGE, resetMail.link("/reset-password"));
		pages.paths.put(Kind.PROFILE_PAGE, reader.profilePath());
		pages.paths.put(Kind.ARTICLE_SIGNED_IN, commented.path());
		pages.paths.put(Kind.EDIT_COMMENT_PAGE, commented.path() + "/comments/" + own.id() + "/edit");
		pages.paths.put(Kind.DELETE_COMMENT_PAGE, commented.path() + "/comments/" + own.id() + "/delete");
		pages.paths.put(Kind.SETTINGS_PAGE, "/settings");
		pages.paths.put(Kind.ADMIN_PEOPLE_PAGE, "/admin/people");
		pages.paths.put(Kind.OUTBOX_PAGE, "/admin/outbox");
		pages.paths.put(Kind.OUTBOX_MESSAGE_PAGE, "/admin/outbox/" + resetMail.id());
		pages.paths.put(Kind.GUIDELINES_PAGE, "/guidelines");
		pages.paths.put(Kind.REPORT_COMMENT_PAGE, river + "/comments/" + firstOnRiver.id() + "/report");
		// The demo discussion has comments held for moderators, so the queue has items with their signals.
		pages.paths.put(Kind.MODERATION_QUEUE_PAGE, "/admin/moderation?queue=pending");
		pages.paths.put(Kind.MODERATION_QUEUE_OF_ONE_ARTICLE, "/admin/moderation?queue=approved&article="
				+ BrowsingGazette.RIVER);
		pages.paths.put(Kind.WORD_LISTS_PAGE, "/admin/moderation/words");
		pages.paths.put(Kind.AUDIT_LOG_PAGE, "/admin/moderation/audit");
		pages.paths.put(Kind.CLASSIFIER_PAGE, "/admin/moderation/model");
		pages.paths.put(Kind.DISCUSSION_SETTINGS_PAGE, "/admin/moderation/discussions/" + BrowsingGazette.RIVER);
		pages.paths.put(Kind.NEWSLETTER_PAGE, "/newsletter");
		pages.paths.put(Kind.NEWSLETTER_SIGNED_IN, "/newsletter");
		pages.paths.put(Kind.ADMIN_NEWSLETTER_PAGE, "/admin/newsletter");
		pages.paths.put(Kind.ADMIN_WEBHOOKS_PAGE, "/admin/webhooks");
		pages.paths.put(Kind.ADMIN_JOBS_PAGE, "/admin/jobs");
		pages.paths.put(Kind.ABOUT_PAGE, "/about");
		pages.paths.put(Kind.CONTACT_PAGE, "/contact");
		pages.paths.put(Kind.WRITE_FOR_US_PAGE, "/write-for-us");
		pages.paths.put(Kind.ADMIN_SECTIONS_PAGE, "/admin/sections");
		pages.paths.put(Kind.ADMIN_TAGS_PAGE, "/admin/tags");
		pages.paths.put(Kind.ADMIN_AUTHORS_PAGE, "/admin/authors");
		pages.paths.put(Kind.ADMIN_AUTHOR_PAGE, "/admin/authors/" + catalog.author(BrowsingGazette.AUTHOR).orElseThrow().id());
		pages.paths.put(Kind.ADMIN_PAGES_PAGE, "/admin/pages");
		pages.paths.put(Kind.ADMIN_PAGE_EDIT_PAGE, "/admin/pages/about");
		pages.paths.put(Kind.ADMIN_PITCHES_PAGE, "/admin/pitches");
		pages.paths.put(Kind.ADMIN_PITCH_PAGE, "/admin/pitches/" + pitch);
		pages.paths.put(Kind.STAFF_HOME, "/admin");
		pages.paths.put(Kind.PUBLICATION_SETTINGS_PAGE, "/admin/settings");
		pages.paths.put(Kind.PRIVACY_PAGE, "/privacy");
		pages.paths.put(Kind.TERMS_PAGE, "/terms");
		pages.paths.put(Kind.FRONT_PAGE_DESK, "/admin/front-page");
		pages.paths.put(Kind.SECTION_FRONT_PAGE_DESK, "/admin/front-page?section=opinion");
		pages.paths.put(Kind.OPINION_SECTION_PAGE, "/sections/opinion");
		pages.paths.put(Kind.NEWSROOM_MAIL_SETTINGS, "/settings/newsroom");
		long piece = pieceWithTwoRevisions(port, admin);
		pages.paths.put(Kind.NEWSROOM_DASHBOARD, "/admin/newsroom");
		pages.paths.put(Kind.ARTICLES_LIST, "/admin/articles");
		pages.paths.put(Kind.NEW_ARTICLE_PAGE, "/admin/articles/new");
		pages.paths.put(Kind.ARTICLE_EDITOR, "/admin/articles/" + piece);
		pages.paths.put(Kind.REVISIONS_PAGE, "/admin/articles/" + piece + "/revisions");
		pages.paths.put(Kind.REVISION_DIFF_PAGE, "/admin/articles/" + piece + "/revisions/diff?from=1&to=2");
		pages.paths.put(Kind.RESTORE_REVISION_PAGE, "/admin/articles/" + piece + "/revisions/1/restore");
		AccountPrincipal adminPrincipal = (AccountPrincipal) users.loadUserByUsername(admin.email());
		MediaItem photo = media.upload(new MediaLibrary.Upload("harbour-at-dawn.jpg", photo(1400, 900),
				"Fishing boats moored in the harbour at dawn", "The harbour before the boats go out.",
				"Photo: Oğuz Türk"), adminPrincipal);
		media.upload(new MediaLibrary.Upload("untitled.jpg", photo(500, 500), null, null, null), adminPrincipal);
		pages.paths.put(Kind.ADMIN_MEDIA_LIBRARY_PAGE, "/admin/media");
		pages.paths.put(Kind.ADMIN_MEDIA_ITEM_PAGE, "/admin/media/" + photo.id());
		// Published the demo's way (an old date, so the front page keeps its lead story), then given the library image.
		Published illustrated = newsroom.article("Fishing fleet returns early as the storm nears");
		workflow.edit(illustrated.id(), ArticlePatch.of(Map.of("leadImage", photo.id())), adminPrincipal);
		pages.paths.put(Kind.ARTICLE_WITH_LIBRARY_IMAGE, illustrated.path());
		// A body with a library image as a figure, and a video link that is a click-to-load placeholder.
		Published bodyFigure = newsroom.article("Storm surge expected along the north quay");
		workflow.edit(bodyFigure.id(), ArticlePatch.of(Map.of("bodyMarkdown", "The surge is due at high water.\n\n![](media:"
				+ photo.id() + ")\n\nThe harbour master explains:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nStay off the pier.")),
				adminPrincipal);
		pages.paths.put(Kind.ARTICLE_WITH_BODY_FIGURE_AND_EMBED, bodyFigure.path());
		pages.paths.put(Kind.ADMIN_EXPORT_PAGE, "/admin/export");
		pages.paths.put(Kind.ADMIN_IMPORT_PAGE, "/admin/import");
		pages.paths.put(Kind.ADMIN_IMPORT_REPORT_PAGE, dryRunImport(port, admin));
		return pages;
	}

	/**
	 * A dry run of a small WordPress export from the admin import page, with a post whose image is missing (so the
	 * report has a reason and a note), followed until it is done; answers its page.
	 */
	private static String dryRunImport(int port, Readers.Reader admin) {
		Http browser = Http.signedInAs(port, admin);
		String wxr = """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
				  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
				<channel><title>Pages</title><wp:wxr_version>1.2</wp:wxr_version>
				<wp:base_site_url>https://site-pages.example</wp:base_site_url>
				<wp:author><wp:author_login>oguz</wp:author_login><wp:author_display_name>Oğuz Türk</wp:author_display_name></wp:author>
				<item><title>photo</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type>
				<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2017/01/quay.jpg</wp:meta_value></wp:postmeta></item>
				<item><title>The quay at night</title><dc:creator>oguz</dc:creator><wp:post_id>1</wp:post_id>
				<content:encoded><![CDATA[<p>Lamps along the quay.</p>]]></content:encoded>
				<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
				<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta></item>
				</channel></rss>
				""";
		HttpResponse<String> started = browser.postFile("/admin/import?source=wordpress&dryRun=true", "file",
				"site-pages.xml", "application/xml", wxr.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		for (int i = 0; i < 600 && !Json.read(browser.getJson(page + "/status")).get("finished").asBoolean(); i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return page;
	}

	/** A draft written and then changed through the editor's form, so it has a diff to show; answers its id. */
	private static long pieceWithTwoRevisions(int port, Readers.Reader admin) {
		Http browser = Http.signedInAs(port, admin);
		HttpResponse<String> started = browser.postForm("/admin/articles", Map.of("headline",
				"Harbour tugs get a new berth", "authors", BrowsingGazette.AUTHOR, "bodyMarkdown",
				"The tugs move to the north quay.\n\nWork starts in *March*.", "kind", "news", "version", ""));
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*/admin/articles/(\\d+).*", "$1"));
		String version = Jsoup.parse(browser.get("/admin/articles/" + id).body()).select("input[name=version]").val();
		browser.postForm("/admin/articles/" + id, Map.of("headline", "Harbour tugs get a new berth in spring", "authors",
				BrowsingGazette.AUTHOR, "bodyMarkdown", "The tugs move to the north quay.\n\nWork starts in *April*.",
				"kind", "news", "version", version, "seoTitle", "Tugs move to the north quay"));
		return id;
	}

	/** A JPEG of a sky over a sea. */
	static byte[] photo(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(120, 170, 220));
		graphics.fillRect(0, 0, width, height / 2);
		graphics.setColor(new Color(20, 60, 110));
		graphics.fillRect(0, height / 2, width, height - height / 2);
		graphics.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jpeg.toByteArray();
	}

	String path(Kind kind) {
		return paths.get(kind);
	}

	/** The account to sign in with before opening a page of this kind; none for a guest's page. */
	Optional<Readers.Reader> account(Kind kind) {
		return Optional.ofNullable(accounts.get(kind.visitor()));
	}
}
