package dev.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Submission;
import dev.gazette.moderation.internal.ClientActivity;
import dev.gazette.moderation.internal.ExternalScorers;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screening judges an author on one read of their latest comments in the period: a new account's first comments are
 * held until enough were published (when the publication asks for that), and an author's record counts only the
 * period's latest {@link Comments#RECENT_LIMIT} comments.
 */
@RunningGazette
class AuthorRecordScreeningTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WordLists words;

	@Autowired
	ClassifierModels classifier;

	@Autowired
	ExternalScorers external;

	@Autowired
	ObjectMapper json;

	@Autowired
	ClientActivity activity;

	Article article;

	Readers readers;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void anArticle() {
		article = catalog.find(new Newsroom(catalog).article().publish().slug()).orElseThrow();
		readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
	}

	@Test
	void aNewAccountIsHeldUntilItsFirstCommentsWerePublished() {
		ModerationPipeline pipeline = pipeline(Map.of("gazette.moderation.premoderate-new-accounts", "true",
				"gazette.moderation.new-account-approvals", "2"));
		Reader reader = readers.join(Newsroom.unique("Oğuz Türk"));

		assertThat(newAccountSignal(pipeline, reader)).hasValueSatisfying(
				signal -> assertThat(signal.detail()).isEqualTo("new account: 0 of 2 first comments approved"));

		byAccount(reader, CommentStatus.PUBLISHED, now.minus(200, ChronoUnit.DAYS));
		byAccount(reader, CommentStatus.REJECTED, now.minus(3, ChronoUnit.DAYS));
		assertThat(newAccountSignal(pipeline, reader)).hasValueSatisfying(
				signal -> assertThat(signal.detail()).isEqualTo("new account: 1 of 2 first comments approved"));

		byAccount(reader, CommentStatus.PUBLISHED, now.minus(100, ChronoUnit.DAYS));
		assertThat(newAccountSignal(pipeline, reader)).as("published long ago still counts").isEmpty();
	}

	@Test
	void anAccountsRecordIsNotHeldAgainstItWhenThePublicationDoesNotPremoderate() {
		ModerationPipeline pipeline = pipeline(Map.of());
		Reader reader = readers.join(Newsroom.unique("שרה לוי"));

		assertThat(newAccountSignal(pipeline, reader)).isEmpty();
	}

	@Test
	void theRecordWeighsTheLatestCommentsOfThePeriod() {
		ModerationPipeline pipeline = pipeline(Map.of());
		Reader reader = readers.join(Newsroom.unique("Ayşe Yılmaz"));
		// Rejected earlier in the week, then a long run of published comments: the latest hundred are all published.
		for (int i = 0; i < 3; i++) {
			byAccount(reader, CommentStatus.REJECTED, now.minus(6, ChronoUnit.DAYS).plusSeconds(i));
		}
		assertThat(trustSignal(pipeline, reader)).as("3 of 3 rejected")
			.hasValueSatisfying(signal -> assertThat(signal.detail()).isEqualTo("3 of 3 recent comments rejected"));

		for (int i = 0; i < Comments.RECENT_LIMIT; i++) {
			byAccount(reader, CommentStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS).plusSeconds(i));
		}

		assertThat(trustSignal(pipeline, reader)).isEmpty();
	}

	private Optional<Signal> newAccountSignal(ModerationPipeline pipeline, Reader reader) {
		return trustSignal(pipeline, reader, "new account");
	}

	private Optional<Signal> trustSignal(ModerationPipeline pipeline, Reader reader) {
		return trustSignal(pipeline, reader, "");
	}

	/** The first "trust" signal whose detail starts so, on a civil new comment by this reader. */
	private Optional<Signal> trustSignal(ModerationPipeline pipeline, Reader reader, String detailStart) {
		Submission submission = new Submission(article, new Commenter(reader.id(), reader.displayName(), null),
				"A civil remark about the ferry timetable " + Newsroom.unique("t"), null, false, false);
		return pipeline.decide(submission, accounts.find(reader.id()))
			.signals()
			.stream()
			.filter(s -> s.name().equals("trust") && s.detail().startsWith(detailStart))
			.findFirst();
	}

	private void byAccount(Reader reader, CommentStatus status, Instant at) {
		comments.importComment(article.id(), null, reader.displayName(), reader.id(), "A view of my own, " + status + ".",
				status, at);
	}

	/** The pipeline as Gazette makes it, with these settings instead of the running ones. */
	private ModerationPipeline pipeline(Map<String, String> settings) {
		ModerationProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("gazette.moderation", ModerationProperties.class);
		return new ModerationPipeline(words, classifier, external, comments, accounts, properties, json,
				Clock.systemUTC(), activity);
	}
}
