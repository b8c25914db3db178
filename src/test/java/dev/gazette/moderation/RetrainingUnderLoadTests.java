package dev.gazette.moderation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.classifier.LabelledComment;
import dev.gazette.moderation.classifier.Thresholds;
import dev.gazette.support.Http;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static dev.gazette.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's models while comments pour in: a retrain (or a look for a newer version) must never make posting
 * wait. Once, a thread holding the models' lock waited for a pool connection while the posting threads held every
 * connection and waited for that lock: no comment was acknowledged for 30 s and the retrain failed. Here the pool is
 * small ({@code FreshTestDatabase} gives every test application 5 connections) and 16 readers post at once, for real,
 * over HTTP, while an admin's retrain runs on another thread; the model is also due for its once-a-minute look.
 * <p>
 * An application of its own: retraining changes the model other tests score with.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.moderation.burst-count=100000",
				"gazette.moderation.per-client-checks=false" })
@Import(RetrainingUnderLoadTests.MovingClock.class)
class RetrainingUnderLoadTests {

	private static final int READERS = 16;

	@Autowired
	ClassifierModels models;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Test
	void everyCommentPostedDuringARetrainIsAcknowledgedAndTheRetrainSucceeds() throws Exception {
		long before = models.version();
		Published article = new Newsroom(catalog).article().publish();
		clock.advance(Duration.ofMinutes(2));
		ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
		try {
			// A labelled file of the admin's own: the thresholds are tuned too, so the retrain takes several training
			// runs (tens of seconds), far longer than posting 16 comments should.
			CompletableFuture<Long> retraining = CompletableFuture
				.supplyAsync(() -> models.retrain("retrained by an admin while readers post", adminsFile()), threads);
			// Let the retrain get under way before the readers come.
			Thread.sleep(500);
			List<Future<HttpResponse<String>>> posts = post(article, threads);
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> post : posts) {
				statuses.add(post.get(2, TimeUnit.MINUTES).statusCode());
			}
			boolean retrainStillRunning = !retraining.isDone();

			assertThat(statuses).as("every reader's comment is acknowledged").containsOnly(201);
			assertThat(retrainStillRunning).as("the comments were acknowledged without waiting for the retrain")
				.isTrue();
			long retrained = retraining.get(10, TimeUnit.MINUTES);
			assertThat(retrained).isGreaterThan(before);
			assertThat(models.version()).isEqualTo(retrained);
			assertThat(models.versions().get(0).description()).isEqualTo("retrained by an admin while readers post");
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theFirstVersionIsTheModelBuiltWithGazetteNotOneTrainedAtStart() {
		models.version();

		ClassifierModels.Version first = models.versions().get(models.versions().size() - 1);

		assertThat(first.version()).isEqualTo(1);
		assertThat(first.description()).isEqualTo(ClassifierModels.FIRST_FROM_BUILD);
		// As when it was trained at first start: the shipped thresholds, none tuned for it.
		assertThat(first.thresholds()).isEqualTo(Thresholds.defaults());
	}

	private List<Future<HttpResponse<String>>> post(Published article, ExecutorService threads) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> posts = new ArrayList<>();
		for (int reader = 0; reader < READERS; reader++) {
			String name = "Reader " + reader;
			posts.add(threads.submit(() -> {
				start.await();
				return new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
						object("authorName", name, "body", "A fair point about the harbour, " + name + "."));
			}));
		}
		start.countDown();
		return posts;
	}

	private static List<LabelledComment> adminsFile() {
		return List.of(
				LabelledComment.withLabels("admin-1", "The ferry timetable is a joke and so are you.",
						EnumSet.of(Label.TOXIC, Label.INSULT)),
				LabelledComment.withLabels("admin-2", "Thank you for covering the harbour works.",
						EnumSet.noneOf(Label.class)),
				LabelledComment.withLabels("admin-3", "Nobody asked for your opinion, clown.",
						EnumSet.of(Label.TOXIC, Label.INSULT)));
	}

	@TestConfiguration
	static class MovingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2018-07-22T09:00:00Z"));
		}
	}
}
