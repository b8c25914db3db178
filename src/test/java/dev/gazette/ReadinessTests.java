package dev.gazette;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.gazette.moderation.ClassifierModels;
import dev.gazette.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static dev.gazette.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer sees while a fresh Gazette starts: {@code /actuator/health/readiness} answers 503 until the
 * node can serve (the demo content loaded, a moderation model in memory) and 200 from then on; the moment it says
 * UP, a reader can open a demo article and comment on it. Once, health said UP while the demo content was still
 * loading (the first comment got 404) and the model was still training (the first comment took 1.9 s).
 * <p>
 * The node is started here by hand, on a port chosen beforehand, so that readiness can be asked from the first
 * moment the server answers. It is a build without the pre-trained model (as when run from an IDE), so its first
 * version is trained at start, which takes seconds: readiness must wait for it.
 */
class ReadinessTests {

	private static final Duration STARTING = Duration.ofMinutes(3);

	private ConfigurableApplicationContext node;

	@AfterEach
	void stop() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void readinessSaysUpOnlyOnceTheDemoContentAndTheModelAreThereAndThenADemoArticleTakesAComment() throws Exception {
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=" + port,
					"--gazette.demo-content=true", "--gazette.base-url=https://gazette.example",
					"--gazette.moderation.pretrained-model=classpath:moderation/not-in-this-build.bin"));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<Integer> answers = new ArrayList<>();
		long deadline = System.nanoTime() + STARTING.toNanos();
		while (answers.isEmpty() || answers.get(answers.size() - 1) != 200) {
			assertThat(System.nanoTime()).as("readiness said UP within %s; it answered %s", STARTING, answers)
				.isLessThan(deadline);
			assertThat(starting.isCompletedExceptionally()).as("the node started").isFalse();
			readiness(client, port, answers);
			Thread.sleep(20);
		}
		node = starting.get(1, TimeUnit.MINUTES);
		List<ClassifierModels.Version> versionsWhenReady = node.getBean(ClassifierModels.class).versions();
		String slug = firstDemoArticle();
		Http reader = new Http(port);

		HttpResponse<String> page = reader.get("/articles/" + slug);
		HttpResponse<String> comment = reader.postJson("/api/v1/articles/" + slug + "/comments",
				object("authorName", "Early Reader", "body", "First to read it, and glad of it."));

		assertThat(answers).as("the node said it was not ready before it was").contains(503);
		assertThat(answers.subList(answers.indexOf(503), answers.size() - 1)).containsOnly(503);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
		assertThat(versionsWhenReady).as("a moderation model was there when readiness said UP").isNotEmpty();
		assertThat(reader.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	/** Asks for readiness once; a server that does not answer yet adds nothing. */
	private static void readiness(HttpClient client, int port, List<Integer> answers) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			answers.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException notListeningYet) {
			// Tomcat has not opened its port yet.
		}
	}

	private static String firstDemoArticle() throws IOException {
		try (InputStream in = new ClassPathResource("demo/content.json").getInputStream()) {
			JsonNode content = new ObjectMapper().readTree(in);
			return content.get("articles").get(0).get("slug").asString();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
