package dev.gazette.comment;

import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment feature's events carry who wrote the comment and whose comment it answers, so that reply notifications,
 * webhooks and the moderation audit need not read those back; the text stays out (see {@link CommentPublished}).
 */
@RunningGazette
@RecordApplicationEvents
class CommentEventsTests {

	@Autowired
	Commenting commenting;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aPublishedReplyCarriesItsNameTextAndTheAccountItAnswers() {
		Published article = new Newsroom(catalog).article().publish();
		Readers.Reader member = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Ilana Eventwriter");
		Comment first = commenting
			.submit(article.slug(), new CommentDraft("The ferry timetable is wrong again.", null),
					new Commenter(member.id(), null, null, "203.0.113.70"))
			.stored()
			.orElseThrow();

		Comment reply = commenting
			.submit(article.slug(), new CommentDraft("It is *right* on the winter page, ğ ə 🚢.", first.id()),
					new Commenter(null, "Tamsin of the Events Desk", null, "203.0.113.71"))
			.stored()
			.orElseThrow();

		List<CommentPublished> published = events.stream(CommentPublished.class).toList();
		assertThat(published).hasSize(2);
		CommentPublished announced = published.get(1);
		assertThat(announced.commentId()).isEqualTo(reply.id());
		assertThat(announced.isThin()).isFalse();
		assertThat(announced.authorName()).isEqualTo("Tamsin of the Events Desk");
		assertThat(announced.accountId()).isNull();
		assertThat(announced.parentId()).isEqualTo(first.id());
		assertThat(announced.parentAccountId()).isEqualTo(member.id());
		assertThat(published.get(0).parentAccountId()).isNull();

		CommentSubmitted submitted = events.stream(CommentSubmitted.class)
			.filter(event -> event.commentId() == first.id())
			.findFirst()
			.orElseThrow();
		assertThat(submitted.accountId()).isEqualTo(member.id());
		assertThat(submitted.authorName()).isEqualTo("Ilana Eventwriter");
		assertThat(submitted.isThin()).isFalse();
	}
}
