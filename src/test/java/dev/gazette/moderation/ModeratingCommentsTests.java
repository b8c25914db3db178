package dev.gazette.moderation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.moderation.classifier.HeldOutSentences;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline over real HTTP: civil disagreement is published at once, the worst is held (after one nudge) or
 * rejected, spam and repeat offenders are slowed down, and every decision is on record.
 */
@RunningGazette
class ModeratingCommentsTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ModerationService moderation;

	@Autowired
	WordLists words;

	@Autowired
	ModerationQueues queues;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Published article;

	Readers readers;

	@BeforeEach
	void anArticle() {
		http = new Http(port);
		article = new Newsroom(catalog).article().opinion().publish();
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	@Test
	void harshButCivilCommentsArePublishedAtOnce() {
		// Sentences written for the tests, none of them a training row (TrainingLeakTests checks).
		List<String> civil = new ArrayList<>(HeldOutSentences.HARSH_BUT_CIVIL);
		civil.addAll(HeldOutSentences.CIVIL_OTHER_LANGUAGES);
		civil.addAll(HeldOutSentences.CIVIL_QUESTIONS);
		civil.addAll(HeldOutSentences.CIVIL_HISTORY);
		civil.add(HeldOutSentences.DEMO_REPORT);
		for (String text : civil) {
			assertThat(post(text, false).get("status").asString()).as(text).isEqualTo("published");
		}
	}

	@Test
	void theDemosGoBackToTheirCavesCommentIsHeld() {
		assertThat(post(HeldOutSentences.DEMO_CAVES, true).get("status").asString()).isEqualTo("pending");
	}

	@Test
	void aPersonalAttackFirstNudgesThenIsHeldAndNeverShown() {
		HttpResponse<String> nudge = postRaw("You are a pathetic idiot and a liar, nobody wants your stupid opinion.", false);
		assertThat(nudge.statusCode()).isEqualTo(422);
		assertThat(Json.read(nudge).get("detail").asString()).contains("guidelines");
		assertThat(discussions.discussion(article.id()).version()).as("a nudge stores nothing").isZero();

		JsonNode held = post("You are a pathetic idiot and a liar, nobody wants your stupid opinion.", true);

		assertThat(held.get("status").asString()).isEqualTo("pending");
		assertThat(Json.read(http.getJson("/api/v1/articles/" + article.slug() + "/comments")).size()).isZero();
		String record = comments.moderationRecord(held.get("id").asLong()).orElseThrow();
		assertThat(record).contains("\"action\":\"hold\"").contains("classifier").contains("personal attack");
	}

	@Test
	void dehumanisingAPeopleAndThreatsAreHeld() {
		assertThat(post("Kesthari are vermin. Go back to your cave, all of you.", true).get("status").asString())
			.isEqualTo("pending");
		assertThat(post("I know where you live and I will find you and hurt you.", true).get("status").asString())
			.isEqualTo("pending");
	}

	@Test
	void bannedWordsRejectEvenWhenDisguisedButOnlyAsWholeWords() {
		words.add("wankstain", WordLists.Kind.BANNED);

		assertThat(post("you w.a.n.k.s.t.a.i.n", true).get("status").asString()).isEqualTo("rejected");
		assertThat(post("W4NKSTAAAIN!", true).get("status").asString()).isEqualTo("rejected");
		assertThat(words.matches("the wankstained carpet")).as("not inside another word").isEmpty();
		assertThat(post("kys", true).get("status").asString()).isEqualTo("rejected");
	}

	@Test
	void manyLinksAndTheSameTextTwiceAreHeldAsSpam() {
		String links = "Great deals https://example.com/a https://example.com/b https://example.com/c https://example.com/d";
		assertThat(post(links, true).get("status").asString()).isEqualTo("pending");

		String text = "Visit my page for the real story about the dam " + Newsroom.unique("x");
		String email = Readers.uniqueEmail("guest");
		assertThat(postAs(text, email).get("status").asString()).isEqualTo("published");
		assertThat(postAs(text, email).get("status").asString()).isEqualTo("pending");
	}

	@Test
	void aRepeatOffenderIsPremoderatedAutomatically() {
		String email = Readers.uniqueEmail("offender");
		for (int i = 0; i < 3; i++) {
			long id = postAs("An ordinary remark number " + i + " about the river.", email).get("id").asLong();
			if (i < 2) {
				moderation.reject(id, 0L, "personal attack", Set.of());
			}
		}

		JsonNode next = postAs("Another perfectly civil remark about the commission.", email);

		assertThat(next.get("status").asString()).isEqualTo("pending");
		assertThat(comments.moderationRecord(next.get("id").asLong()).orElseThrow()).contains("trust")
			.contains("2 of 3 recent comments rejected");
	}

	@Test
	void aPremoderatedArticleHoldsEveryComment() {
		catalog.changeDiscussion(article.slug(), true, new DiscussionSettings(true, null, null));

		assertThat(post("A kind and civil word.", false).get("status").asString()).isEqualTo("pending");
	}

	@Test
	void theFormNudgesOnceThenHoldsAndTellsTheReaderWhatHappens() {
		String attack = "Shut up you brainless moron, go crawl back under your rock.";
		HttpResponse<String> first = http.postForm(article.path() + "/comments", Map.of("authorName", "Troll", "body", attack));

		assertThat(first.statusCode()).isEqualTo(200);
		Document nudge = Jsoup.parse(first.body());
		assertThat(nudge.selectFirst(".nudge").text()).contains("guidelines");
		assertThat(nudge.selectFirst("textarea#body").text()).isEqualTo(attack);
		assertThat(discussions.discussion(article.id()).version()).isZero();

		HttpResponse<String> anyway = http.postForm(article.path() + "/comments",
				Map.of("authorName", "Troll", "body", attack, "nudgeAcknowledged", "true"));

		assertThat(anyway.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(http.follow(anyway).body()).selectFirst("h1").text()).contains("moderator");
		assertThat(Jsoup.parse(http.get(article.path()).body()).text()).doesNotContain("brainless");
	}

	@Test
	void theNudgeQuotesTheInsultingSentenceAndNamesThePersonalAttacksGuideline() {
		String civil = "The figures on the dam come from the 2019 survey.";
		String insult = "You are a pathetic idiot and a liar.";

		HttpResponse<String> response = http.postForm(article.path() + "/comments",
				Map.of("authorName", "Reader", "body", civil + " " + insult));

		assertThat(response.statusCode()).isEqualTo(200);
		Element nudge = Jsoup.parse(response.body()).selectFirst(".nudge[role=alert]");
		Element concern = nudge.selectFirst(".nudge-concern[data-guideline=personal-attacks]");
		assertThat(concern.select("q.nudge-part").eachText()).containsExactly(insult);
		assertThat(concern.text()).contains("may read as a personal attack").contains("not with the people making them");
		assertThat(concern.selectFirst("a").attr("href")).isEqualTo("/guidelines#not-allowed");
		assertThat(Jsoup.parse(http.get("/guidelines").body()).getElementById("not-allowed").text())
			.isEqualTo("Not allowed");
		assertThat(nudge.text()).doesNotContain("figures on the dam").contains("a moderator will read it");
		assertThat(Jsoup.parse(response.body()).select("#comment-form button[type=submit]")).hasSize(2);
	}

	@Test
	void theApiNudgeCarriesTheSameExplanation() {
		String insult = "Only a brainless moron would believe this, you clown.";

		HttpResponse<String> nudge = postRaw("I read the report on the new bridge twice. " + insult, false);

		assertThat(nudge.statusCode()).isEqualTo(422);
		JsonNode problem = Json.read(nudge);
		assertThat(problem.get("detail").asString()).contains("“" + insult + "” may read as a personal attack");
		JsonNode concern = problem.get("concerns").get(0);
		assertThat(concern.get("guideline").asString()).isEqualTo("personal-attacks");
		assertThat(concern.get("parts")).hasSize(1);
		assertThat(concern.get("parts").get(0).asString()).isEqualTo(insult);
		assertThat(concern.get("guidelineUrl").asString()).isEqualTo("/guidelines#not-allowed");
	}

	@Test
	void aSuspectWordIsQuotedAsTheReaderWroteIt() {
		HttpResponse<String> response = http.postForm(article.path() + "/comments",
				Map.of("authorName", "Reader", "body", "The old mill by the river is full of Vermin these days."));

		Element concern = Jsoup.parse(response.body()).selectFirst(".nudge-concern[data-guideline=dehumanising-words]");
		assertThat(concern).as(response.body()).isNotNull();
		assertThat(concern.select("q.nudge-part").eachText()).containsExactly("Vermin");
		assertThat(concern.text()).contains("may read as dehumanising talk");
	}

	@Test
	void aReplyIsNudgedWithItsHebrewTurkishAndEmojiIntact() {
		long parent = post("What does the council say about the dam?", false).get("id").asLong();
		String insult = "Oğuz, you are a brainless moron and a liar 🤡.";

		HttpResponse<String> response = http.postForm(article.path() + "/comments", Map.of("authorName", "Reader",
				"body", "מאמר מעניין על הסכר, תודה 🙏. " + insult, "parentId", String.valueOf(parent)));

		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).startsWith("Reply to");
		assertThat(page.select(".nudge q.nudge-part").eachText()).containsExactly(insult);
		assertThat(page.selectFirst(".nudge q.nudge-part").attr("dir")).isEqualTo("auto");
		assertThat(page.selectFirst("form#comment-form input[name=parentId]").val()).isEqualTo(String.valueOf(parent));
	}

	@Test
	void hostileMarkupInTheQuotedPartIsShownAsText() {
		HttpResponse<String> response = http.postForm(article.path() + "/comments", Map.of("authorName", "Reader",
				"body", "The survey is from 2019. You are a pathetic idiot <script>alert(1)</script> and a liar."));

		Element nudge = Jsoup.parse(response.body()).selectFirst(".nudge");
		assertThat(nudge.select("script")).isEmpty();
		assertThat(nudge.selectFirst("q.nudge-part").text())
			.isEqualTo("You are a pathetic idiot <script>alert(1)</script> and a liar.");
		assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void theScoreApiCarriesTheExplanation() {
		Reader reader = readers.join("Score Reader");
		Http browser = Http.signedInAs(port, reader);

		HttpResponse<String> score = http.withToken(apiToken(browser), "POST", "/api/v1/moderation/score",
				Json.object("body", "The figures on the dam come from the 2019 survey. You are a pathetic idiot and a liar."));

		JsonNode answer = Json.read(score);
		assertThat(answer.get("decision").asString()).as("as for a reader who already chose to post it")
			.isEqualTo("hold");
		assertThat(answer.get("concerns").get(0).get("parts").get(0).asString())
			.isEqualTo("You are a pathetic idiot and a liar.");
		assertThat(answer.get("signals").findValues("concern")).isNotEmpty();
	}

	@Test
	void theConsoleShowsModeratorsWhatTheReaderWasTold() {
		String insult = "You are a pathetic idiot and a liar.";
		long held = post("The figures on the dam come from the 2019 survey. " + insult, true).get("id").asLong();
		long old = post("An old comment held before explanations were kept.", false).get("id").asLong();
		comments.moderate(old, CommentStatus.PENDING);
		jdbc.sql("update comment set moderation = :record where id = :id")
			.param("record", "{\"action\":\"hold\",\"signals\":[{\"name\":\"classifier\",\"detail\":\"personal attack 0.91\","
					+ "\"action\":\"hold\"}],\"scores\":{\"insult\":0.91},\"model\":1}")
			.param("id", old)
			.update();
		Reader moderator = readers.join("Mod Erator", Role.MODERATOR);
		Http console = Http.signedInAs(port, moderator);

		Document queue = Jsoup.parse(console.get("/admin/moderation?queue=pending&article=" + article.slug()).body());

		Element signals = queue.getElementById("item-" + held).selectFirst(".signals");
		assertThat(signals.text()).contains("classifier: personal attack 0.");
		assertThat(signals.select(".explanation q.explained-part").eachText()).containsExactly(insult);
		assertThat(signals.selectFirst(".explanation").text()).contains("may read as a personal attack")
			.contains("not with the people making them");
		assertThat(queue.getElementById("item-" + old).selectFirst(".signals").text())
			.isEqualTo("hold classifier: personal attack 0.91");
	}

	@Test
	void everyCommentFormLinksToTheGuidelines() {
		Document page = Jsoup.parse(http.get(article.path()).body());

		assertThat(page.select("#comment-form a[href=/guidelines]")).isNotEmpty();
		assertThat(http.get("/guidelines").body()).contains("argue with ideas");
	}

	@Test
	void aCommentHeldWithoutARecordIsScoredWhenAModeratorLooksAtIt() {
		long id = comments.importComment(article.id(), null, "Imported", "You are a pathetic idiot and a liar.",
				CommentStatus.PENDING, java.time.Instant.parse(RunningGazette.NOW));

		QueueItem item = queues.item(id).orElseThrow();

		assertThat(item.signals()).anySatisfy(signal -> {
			assertThat(signal.name()).isEqualTo("classifier");
			assertThat(signal.detail()).contains("personal attack").contains("checked just now");
		});
		assertThat(item.scores().get("insult")).isGreaterThan(0.5);
		assertThat(comments.moderationRecord(id)).as("looking stores nothing").isEmpty();
	}

	@Test
	void threeReportsFromEstablishedReadersHoldAPublishedComment() {
		long id = post("A perfectly ordinary comment that some readers dislike.", false).get("id").asLong();
		for (int i = 0; i < 3; i++) {
			Reader reader = established(readers.join("Reporter " + i));
			Http browser = Http.signedInAs(port, reader);
			HttpResponse<String> report = browser.postForm(article.path() + "/comments/" + id + "/report",
					Map.of("reason", "abuse"));
			assertThat(report.statusCode()).isEqualTo(200);
			if (i == 0) {
				assertThat(browser.postForm(article.path() + "/comments/" + id + "/report", Map.of("reason", "abuse"))
					.body()).contains("already reported");
			}
		}

		assertThat(comments.find(id).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
	}

	@Test
	void aReportWithAReasonNotOfferedIsRefusedInWordsAndRecordsNothing() {
		long id = post("A comment reported for a reason the form never offered.", false).get("id").asLong();
		Http browser = Http.signedInAs(port, readers.join("Crafty Reporter"));

		HttpResponse<String> refused = browser.postForm(article.path() + "/comments/" + id + "/report",
				Map.of("reason", "<b>grudge</b>"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Please choose one of the reasons offered: abuse, hate, spam, off-topic, other.")
			.doesNotContain("enum", "dev.gazette", "<b>grudge");
		assertThat(openReports(id)).isZero();
	}

	@Test
	void reportsFromBrandNewAccountsAreRecordedButHoldNothing() {
		long id = post("A comment that a few fresh accounts gang up on.", false).get("id").asLong();
		for (int i = 0; i < 5; i++) {
			Reader fresh = readers.join("Fresh Reporter " + i);
			assertThat(report(fresh, article, id).statusCode()).isEqualTo(200);
		}
		Reader unproven = readers.join("Old But Silent");
		jdbc.sql("update account set created_at = :then where id = :id")
			.param("then", java.time.OffsetDateTime.parse("2018-01-01T00:00:00Z"))
			.param("id", unproven.id())
			.update();
		report(unproven, article, id);

		assertThat(comments.find(id).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
		assertThat(openReports(id)).as("every report is kept for the moderators").isEqualTo(6);
		assertThat(inReportedQueue(article, id)).isTrue();
	}

	@Test
	void reportsNeverHoldAStaffMembersOrTheArticlesAuthorsCommentWhichGoesToTheReportedQueue() {
		Reader editor = readers.join("Staff Editor", Role.EDITOR);
		long editorsComment = commentBy(editor, article, "An editor's note on the corrections policy.");
		Reader writer = readers.join("The Writer");
		Newsroom newsroom = new Newsroom(catalog);
		dev.gazette.article.Author byline = newsroom.author("The Writer " + writer.id());
		jdbc.sql("update author set account_id = :account where slug = :slug")
			.param("account", writer.id())
			.param("slug", byline.slug())
			.update();
		Published theirs = newsroom.article().by(byline).publish();
		long authorsComment = commentBy(writer, theirs, "The writer answers the readers.");

		for (int i = 0; i < 3; i++) {
			Reader reporter = established(readers.join("Earnest Reporter " + i));
			assertThat(report(reporter, article, editorsComment).statusCode()).isEqualTo(200);
			assertThat(report(reporter, theirs, authorsComment).statusCode()).isEqualTo(200);
		}

		assertThat(comments.find(editorsComment).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
		assertThat(comments.find(authorsComment).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
		assertThat(inReportedQueue(article, editorsComment)).isTrue();
		assertThat(inReportedQueue(theirs, authorsComment)).isTrue();
	}

	@Test
	void onlyModeratorsAndAdminsSeeTheConsole() {
		Reader reader = readers.join("Just a reader");
		http.signIn(reader.email(), reader.password());
		assertThat(http.get("/admin/moderation").statusCode()).isEqualTo(403);

		Http anonymous = new Http(port);
		assertThat(anonymous.get("/admin/moderation").statusCode()).isEqualTo(302);

		Reader moderator = readers.join("Mod Erator", Role.MODERATOR);
		Http console = Http.signedInAs(port, moderator);
		assertThat(console.get("/admin/moderation").statusCode()).isEqualTo(200);
		assertThat(console.get("/admin/moderation/audit").statusCode()).as("the audit log is for admins").isEqualTo(403);
	}

	@Test
	void aModeratorSeesWhyAndDecidesAndEveryDecisionIsAudited() {
		long held = post("You absolute imbecile. Vermin like you should not be allowed to post.", true).get("id").asLong();
		long reply = comments.importComment(article.id(), held, "Reader", "Please calm down.", CommentStatus.PUBLISHED,
				java.time.Instant.parse("2018-07-22T09:00:00Z"));
		Reader moderator = readers.join("Mod Erator", Role.MODERATOR);
		Http console = Http.signedInAs(port, moderator);

		Document queue = Jsoup.parse(console.get("/admin/moderation?queue=pending&article=" + article.slug()).body());
		assertThat(queue.getElementById("item-" + held)).as(queue.text()).isNotNull();
		assertThat(queue.getElementById("item-" + held).select(".signals li").text()).contains("suspect-words")
			.contains("vermin");
		assertThat(queue.getElementById("item-" + held).selectFirst(".history").text()).contains("guest");
		assertThat(queue.getElementById("item-" + held).selectFirst(".item-when").text())
			.startsWith("Posted July 22, 2018 ").endsWith(" · held by the automatic checks");
		assertThat(queue.getElementById("item-" + held).select("button.approve")).hasSize(1);
		assertThat(queue.getElementById("item-" + held).select(".reject-form button.danger-button")).hasSize(1);

		HttpResponse<String> rejected = console.postForm("/admin/moderation/" + held + "/reject",
				Map.of("reason", "personal attack", "labels", "insult"));
		assertThat(rejected.statusCode()).isEqualTo(302);

		assertThat(comments.find(held).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
		assertThat(Jsoup.parse(http.get(article.path()).body()).getElementById("comment-" + held).text())
			.contains("removed by a moderator");
		assertThat(comments.find(reply).orElseThrow().isPublished()).isTrue();
		List<AuditLog.Entry> trail = moderation.history(held);
		assertThat(trail).extracting(AuditLog.Entry::action).contains("rejected");
		assertThat(trail.stream().filter(e -> e.action().equals("rejected")).findFirst().orElseThrow().actorId())
			.isEqualTo(moderator.id());
		Document decided = Jsoup.parse(console.get("/admin/moderation?queue=rejected&article=" + article.slug()).body());
		assertThat(decided.getElementById("item-" + held).selectFirst(".decisions").text()).contains("Mod Erator")
			.doesNotContain("#" + moderator.id());
		Reader admin = readers.join("Audit Admin", Role.ADMIN);
		Http adminBrowser = Http.signedInAs(port, admin);
		Document log = Jsoup.parse(adminBrowser.get("/admin/moderation/audit?comment=" + held).body());
		assertThat(log.select("table.audit tbody tr td:nth-child(2)").eachText()).contains("Mod Erator", "system")
			.noneMatch(who -> who.startsWith("#"));
		assertThat(jdbc.sql("select labels from moderation_feedback where comment_id = :id").param("id", held)
			.query(String.class).single()).isEqualTo("insult");
	}

	@Test
	void theSystemsOwnDecisionsReachTheAuditLogWithTheComment() {
		long id = post("Another civil comment for the record.", false).get("id").asLong();

		// Written in the comment's own transaction: there when the post is answered, with no wait.
		assertThat(moderation.history(id)).extracting(AuditLog.Entry::action).containsExactly("system-published");
		assertThat(moderation.history(id).get(0).bySystem()).isTrue();
	}

	@Test
	void anAdminExportsTheAuditLogAsCsv() {
		post("A comment so the log is not empty.", false);
		Reader admin = readers.join("Ad Min", Role.ADMIN);
		Http browser = Http.signedInAs(port, admin);

		HttpResponse<String> csv = browser.get("/admin/moderation/audit.csv");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("id,occurred_at,comment_id,subject_account_id,actor,action,reason,detail");
	}

	@Test
	void aSuspendedAuthorIsToldAndCannotComment() {
		Reader author = readers.join("Hot Head");
		Http browser = Http.signedInAs(port, author);
		browser.postForm(article.path() + "/comments", Map.of("body", "First, a civil remark."));
		long id = comments.recentBy(author.id(), null, java.time.Instant.EPOCH).get(0).id();

		moderation.suspendAuthor(id, 0L, Duration.ofDays(7), "repeated personal attacks");

		HttpResponse<String> refused = browser.postForm(article.path() + "/comments", Map.of("body", "Another remark."));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).contains("may not comment until");
		assertThat(new Mailbox(jdbc).latestTo(author.email()).subject()).contains("may not comment");
	}

	@Test
	void theScoreApiDecidesWithoutStoringAndTheQueueApiIsForModerators() {
		Reader reader = readers.join("Api Reader");
		Http browser = Http.signedInAs(port, reader);
		String token = apiToken(browser);

		HttpResponse<String> score = http.withToken(token, "POST", "/api/v1/moderation/score",
				Json.object("body", "you are an i d i o t"));
		assertThat(score.statusCode()).isEqualTo(200);
		assertThat(Json.read(score).get("decision").asString()).isEqualTo("hold");
		assertThat(http.withToken(token, "GET", "/api/v1/moderation/queue?state=pending", null).statusCode())
			.isEqualTo(403);
	}

	private String apiToken(Http browser) {
		Document page = Jsoup.parse(browser.postForm("/settings/tokens", Map.of("name", "tests")).body());
		return page.selectFirst("code.token").text();
	}

	/** An account made a month ago that has had a comment published: its reports count. */
	private Reader established(Reader reader) {
		jdbc.sql("update account set created_at = :then where id = :id")
			.param("then", java.time.OffsetDateTime.parse("2018-06-01T00:00:00Z"))
			.param("id", reader.id())
			.update();
		commentBy(reader, new Newsroom(catalog).article().publish(), "An earlier comment of mine.");
		return reader;
	}

	private long commentBy(Reader reader, Published on, String body) {
		long id = comments.importComment(on.id(), null, reader.displayName(), body, CommentStatus.PUBLISHED,
				java.time.Instant.parse("2018-07-01T09:00:00Z"));
		jdbc.sql("update comment set account_id = :account where id = :id")
			.param("account", reader.id())
			.param("id", id)
			.update();
		return id;
	}

	private HttpResponse<String> report(Reader reader, Published on, long commentId) {
		Http browser = Http.signedInAs(port, reader);
		return browser.postForm(on.path() + "/comments/" + commentId + "/report", Map.of("reason", "abuse"));
	}

	private long openReports(long commentId) {
		return jdbc.sql("select count(*) from comment_report where comment_id = :id and resolved_at is null")
			.param("id", commentId)
			.query(Long.class)
			.single();
	}

	private boolean inReportedQueue(Published on, long commentId) {
		Reader moderator = readers.join("Queue Reader", Role.MODERATOR);
		Http console = Http.signedInAs(port, moderator);
		Document queue = Jsoup.parse(console.get("/admin/moderation?queue=reported&article=" + on.slug()).body());
		return queue.getElementById("item-" + commentId) != null;
	}

	private JsonNode post(String body, boolean acknowledge) {
		HttpResponse<String> response = postRaw(body, acknowledge);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Json.read(response);
	}

	private HttpResponse<String> postRaw(String body, boolean acknowledge) {
		return http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Guest", "body", body, "parentId", null, "acknowledgeNudge", acknowledge));
	}

	private JsonNode postAs(String body, String guestEmail) {
		HttpResponse<String> response = http.postJson("/api/v1/articles/" + article.slug() + "/comments",
				Json.object("authorName", "Guest", "body", body, "parentId", null, "guestEmail", guestEmail,
						"acknowledgeNudge", true));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Json.read(response);
	}
}
