package dev.gazette.notification.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Profiles;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Commenting;
import dev.gazette.comment.Comments;
import dev.gazette.jobs.Jobs;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Mailbox.Message;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies to a reader's comment reach them by e-mail, batched over {@code gazette.notifications.reply-batch-window}
 * (15 minutes). The clock stands still until a test moves it; the notification job is run by the tests (its own
 * schedule is an hour here), and mail leaves through GreenMail, a real SMTP server on a local port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "spring.mail.host=127.0.0.1",
				"gazette.mail.from=Gazette <desk@gazette.example>", "gazette.notifications.poll-interval=1h",
				"gazette.mail.poll-interval=200ms" })
class ReplyNotificationTests {

	static final int SMTP_PORT = TestSmtp.freePort();

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class StandingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}
	}

	@Autowired
	Comments comments;

	@Autowired
	Commenting commenting;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	Profiles profiles;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ReplyNotifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	Mailbox mailbox;

	Readers readers;

	Published article;

	Reader alice;

	Reader bob;

	@BeforeEach
	void twoReadersAndAnArticle() {
		mailbox = new Mailbox(jdbc);
		readers = new Readers(registration, accounts, administration, mailbox);
		article = new Newsroom(catalog).article().headline("The harbour’s new wall — שלום").publish();
		alice = readers.join("Alice Ambler");
		bob = readers.join("Oğuz Türk");
		// Whatever earlier tests left due goes out now, so each test sees only its own notifications.
		notifications.sendDue();
	}

	@Test
	void aReplyIsMailedOnceTheWindowHasPassedWithItsPermalinkAndOneClickUnsubscribe() throws Exception {
		Comment mine = comment(alice, "The wall is too low.", null);
		Comment reply = comment(bob, "Teşekkürler, but no: שלום 👍 it is high enough.", mine.id());

		notifications.sendDue();
		assertThat(replyMails(alice)).as("not before the window has passed").isEmpty();

		clock.advance(Duration.ofMinutes(15));
		notifications.sendDue();

		Message mail = single(replyMails(alice));
		assertThat(mail.subject()).isEqualTo("Oğuz Türk replied to your comment on “The harbour’s new wall — שלום”");
		assertThat(mail.text()).contains("Hello Alice Ambler,")
			.contains("Teşekkürler, but no: שלום 👍 it is high enough.")
			.contains("https://gazette.example/articles/" + article.slug() + "/comments/" + reply.id())
			.contains("https://gazette.example/settings")
			.contains("https://gazette.example/notifications/unsubscribe?token=");

		MimeMessage received = await().atMost(Duration.ofSeconds(15))
			.until(() -> TestSmtp.receivedBy(smtp, alice.email(), mail.subject()), list -> !list.isEmpty())
			.get(0);
		assertThat(received.getSubject()).isEqualTo(mail.subject());
		String unsubscribe = "https://gazette.example" + mail.link("/notifications/unsubscribe");
		assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">");
		assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		String html = (String) parts.getBodyPart(1).getContent();
		assertThat(Jsoup.parse(html).select("a").eachAttr("href"))
			.contains("https://gazette.example/articles/" + article.slug() + "/comments/" + reply.id(), unsubscribe);

		HttpResponse<String> permalink = new Http(port).get("/articles/" + article.slug() + "/comments/" + reply.id());
		assertThat(permalink.statusCode()).as("the permalink leads to the reply").isEqualTo(302);
		assertThat(permalink.headers().firstValue("Location").orElseThrow()).endsWith("#comment-" + reply.id());
	}

	@Test
	void repliesWithinTheWindowAreOneMailAndALaterReplyStartsANewOne() {
		Comment mine = comment(alice, "Ferries are better than bridges.", null);
		comment(bob, "Bridges never sink.", mine.id());
		clock.advance(Duration.ofMinutes(10));
		Reader carol = readers.join("דנה כהן");
		comment(carol, "Ferries do not either, mostly.", mine.id());
		clock.advance(Duration.ofMinutes(5));

		notifications.sendDue();

		Message batch = single(replyMails(alice));
		assertThat(batch.subject()).isEqualTo("2 new replies to your comments");
		assertThat(batch.text()).contains("Oğuz Türk on").contains("Bridges never sink.").contains("דנה כהן on")
			.contains("Ferries do not either, mostly.");

		comment(bob, "One more thing.", mine.id());
		clock.advance(Duration.ofMinutes(14));
		notifications.sendDue();
		assertThat(replyMails(alice)).hasSize(1);
		clock.advance(Duration.ofMinutes(1));
		notifications.sendDue();
		assertThat(replyMails(alice)).hasSize(2);
		assertThat(replyMails(alice).get(1).subject()).isEqualTo("Oğuz Türk replied to your comment on “The harbour’s new wall — שלום”");
	}

	@Test
	void aReplyRejectedOrDeletedBeforeTheBatchGoesOutIsNotSent() {
		Comment mine = comment(alice, "Lower the fares.", null);
		Comment rejected = comment(bob, "Rejected reply.", mine.id());
		Reader carol = readers.join("Carol");
		Comment deleted = comment(carol, "Deleted reply.", mine.id());
		comments.moderate(rejected.id(), CommentStatus.REJECTED);
		commenting.deleteOwn(deleted.id(), carol.id());
		clock.advance(Duration.ofMinutes(15));

		notifications.sendDue();

		assertThat(replyMails(alice)).isEmpty();
		assertThat(jdbc.sql("select status from reply_notification where reply_id in (:ids)")
			.param("ids", List.of(rejected.id(), deleted.id()))
			.query(String.class)
			.list()).containsOnly("dropped");
	}

	@Test
	void aHeldReplyIsNotifiedWhenAModeratorApprovesIt() {
		Comment mine = comment(alice, "Open the harbour at night.", null);
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));
		Comment held = comment(bob, "Held until approved.", mine.id());
		assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
		clock.advance(Duration.ofMinutes(15));
		notifications.sendDue();
		assertThat(replyMails(alice)).as("a held reply is not public").isEmpty();

		comments.moderate(held.id(), CommentStatus.PUBLISHED);
		awaitQueued(held.id());
		clock.advance(Duration.ofMinutes(15));
		notifications.sendDue();

		assertThat(single(replyMails(alice)).text()).contains("Held until approved.");
	}

	@Test
	void nobodyIsMailedForReplyingToThemselvesNorAreGuestsOrThoseWhoTurnedItOff() {
		Comment mine = comment(alice, "First thought.", null);
		comment(alice, "Second thought, to myself.", mine.id());
		Comment guests = commenting.submit(article.slug(), new CommentDraft("A guest's comment.", null),
				new Commenter(null, "Guest", Readers.uniqueEmail("guest")))
			.stored()
			.orElseThrow();
		comment(bob, "A reply to a guest.", guests.id());
		Reader quiet = readers.join("Quiet Reader");
		profiles.update(quiet.id(), "Quiet Reader", null, false, false);
		comment(bob, "A reply to someone who turned it off.", comment(quiet, "Just reading along today.", null).id());
		clock.advance(Duration.ofMinutes(15));

		notifications.sendDue();

		assertThat(replyMails(alice)).isEmpty();
		assertThat(replyMails(quiet)).isEmpty();
		assertThat(jdbc.sql("select count(*) from mail_message where category = 'reply-notification' and lower(recipient) like 'guest-%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoNodesSendingAtOnceWriteOneMailAndRunningAgainWritesNone() throws Exception {
		Comment mine = comment(alice, "Concurrency is hard.", null);
		comment(bob, "Indeed.", mine.id());
		comment(readers.join("Someone Else"), "Very.", mine.id());
		clock.advance(Duration.ofMinutes(15));
		// Another node: the same tables, none of this node's memory.
		ReplyNotifications otherNode = anotherNode();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(notifications::sendDue, otherNode::sendDue));
			int written = 0;
			for (Future<Integer> run : runs) {
				written += run.get();
			}
			assertThat(written).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		notifications.sendDue();
		otherNode.sendDue();

		assertThat(replyMails(alice)).hasSize(1);
	}

	@Test
	void aNotificationQueuedBeforeARestartIsSentByANodeThatStartedLater() {
		Comment mine = comment(alice, "Survive a restart.", null);
		comment(bob, "Queued in the database.", mine.id());
		awaitQueuedFor(alice);
		clock.advance(Duration.ofMinutes(15));

		assertThat(anotherNode().sendDue()).isEqualTo(1);

		assertThat(single(replyMails(alice)).text()).contains("Queued in the database.");
	}

	@Test
	void theOneClickLinkAsksOnGetAndUnsubscribesOnAPostWithoutSessionOrCsrfToken() {
		Comment mine = comment(alice, "Tell me about replies.", null);
		comment(bob, "Here is one.", mine.id());
		clock.advance(Duration.ofMinutes(15));
		notifications.sendDue();
		String link = single(replyMails(alice)).link("/notifications/unsubscribe");

		HttpResponse<String> asked = new Http(port).get(link);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(asked.body()).selectFirst("h1").text()).isEqualTo("Stop reply notifications?");
		assertThat(accounts.find(alice.id()).orElseThrow().replyNotifications()).as("a GET changes nothing").isTrue();

		HttpResponse<String> done = new Http(port).postFormWithoutCsrf(link, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(done.body()).selectFirst("h1").text()).isEqualTo("No more reply notifications");
		assertThat(accounts.find(alice.id()).orElseThrow().replyNotifications()).isFalse();
		comment(bob, "Another one.", mine.id());
		clock.advance(Duration.ofMinutes(15));
		notifications.sendDue();
		assertThat(replyMails(alice)).hasSize(1);
	}

	@Test
	void anUnknownOrMangledUnsubscribeLinkIsAClearPageAndChangesNothing() {
		for (String token : List.of("nonsense", "A".repeat(43), "<script>alert(1)</script>")) {
			HttpResponse<String> get = new Http(port).get("/notifications/unsubscribe?token="
					+ java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
			HttpResponse<String> post = new Http(port).postFormWithoutCsrf("/notifications/unsubscribe?token="
					+ java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8), Map.of());
			assertThat(get.statusCode()).isEqualTo(404);
			assertThat(post.statusCode()).isEqualTo(404);
			assertThat(get.body()).contains("This link does not work").doesNotContain("<script>alert");
		}
		assertThat(new Http(port).postFormWithoutCsrf("/notifications/unsubscribe", Map.of()).statusCode()).isEqualTo(404);
	}

	@Autowired
	Jobs jobs;

	private ReplyNotifications anotherNode() {
		return new ReplyNotifications(new ReplyQueue(jdbc), comments, accounts, catalog, mailer, templates, publications,
				site, properties, clock, transaction, jobs);
	}

	@Autowired
	Mailer mailer;

	@Autowired
	MailTemplates templates;

	@Autowired
	Publications publications;

	@Autowired
	GazetteProperties site;

	@Autowired
	NotificationProperties properties;

	@Autowired
	TransactionTemplate transaction;

	private Comment comment(Reader reader, String body, Long parentId) {
		Comment comment = commenting.submit(article.slug(), new CommentDraft(body, parentId),
				new Commenter(reader.id(), reader.displayName(), null))
			.stored()
			.orElseThrow();
		if (parentId != null && comment.isPublished()) {
			awaitQueued(comment.id());
		}
		return comment;
	}

	/** The listener runs after the commit, on another thread: wait until it has looked at the reply. */
	private void awaitQueued(long replyId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and serialized_event like :id")
			.param("id", "%\"commentId\":" + replyId + ",%")
			.query(Long.class)
			.single() == 0);
	}

	private void awaitQueuedFor(Reader reader) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from reply_notification where recipient_id = :r and status = 'pending'")
			.param("r", reader.id())
			.query(Long.class)
			.single() > 0);
	}

	private List<Message> replyMails(Reader reader) {
		return mailbox.to(reader.email()).stream().filter(mail -> mail.category().equals("reply-notification")).toList();
	}

	private static Message single(List<Message> mails) {
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}
}
