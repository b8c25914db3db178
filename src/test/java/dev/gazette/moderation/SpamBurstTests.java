package dev.gazette.moderation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.support.Json;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest who gives no e-mail address has no history in the database; the spam checks still see their burst of
 * posts and their repeated text by the address they post from, and leave other guests alone. The addresses are
 * played with {@code X-Forwarded-For}, as a reverse proxy would send them.
 */
@RunningGazette
@TestPropertySource(properties = { "gazette.moderation.burst-count=3", "gazette.moderation.per-client-checks=true",
		"server.forward-headers-strategy=framework" })
class SpamBurstTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	Published article;

	@BeforeEach
	void anArticle() {
		article = new Newsroom(catalog).article().publish();
	}

	@Test
	void aGuestsFourthPostWithinTwoMinutesIsHeldWhileAnotherGuestIsNot() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(post("203.0.113.7", "Point number " + i + " about the river levels.")).isEqualTo("published");
		}

		assertThat(post("203.0.113.7", "And a fourth point, posted in the same minute.")).isEqualTo("pending");
		assertThat(post("198.51.100.20", "A different reader with a first remark.")).isEqualTo("published");
		assertThat(comments.countInStatus(Set.of(CommentStatus.PENDING), article.id())).isEqualTo(1);
		assertThat(comments.moderationRecord(lastHeld).orElseThrow()).contains("3 comments in 2 minutes");
	}

	@Test
	void aGuestMovingWithinItsIpv6Slash64IsStillOneGuestWhileTheNextSlash64IsAnother() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(post("2001:db8:77:1::" + i, "Remark " + i + " on the ferry timetable.")).isEqualTo("published");
		}

		assertThat(post("2001:db8:77:1:aaaa::4", "A fourth remark from a fresh address.")).isEqualTo("pending");
		assertThat(post("2001:db8:77:2::1", "A neighbour network's first remark.")).isEqualTo("published");
	}

	@Test
	void theSameTextFromTheSameAddressIsHeldTheSecondTime() throws Exception {
		String text = "Read the real story about the dam on my page " + Newsroom.unique("p");

		assertThat(post("192.0.2.44", text)).isEqualTo("published");
		assertThat(post("192.0.2.45", text)).as("another address").isEqualTo("published");
		assertThat(post("192.0.2.44", text.toUpperCase())).isEqualTo("pending");
		assertThat(comments.moderationRecord(lastHeld).orElseThrow()).contains("the same text was posted before");
	}

	/** The id of the last comment posted that was not published. */
	private long lastHeld;

	private String post(String address, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles/"
				+ article.slug() + "/comments"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(Json.object("authorName", "Guest", "body", body, "parentId", null)))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String status = Json.read(response).get("status").asString();
		if (!status.equals("published")) {
			lastHeld = Json.read(response).get("id").asLong();
		}
		return status;
	}
}
