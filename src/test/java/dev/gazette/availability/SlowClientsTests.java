package dev.gazette.availability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.support.Http;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request bodies a byte at a time, over real sockets, against a Tomcat with only four
 * threads: they must not keep anyone else waiting, and a body too large is refused before it is read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1",
				"gazette.moderation.burst-count=100000", "gazette.moderation.per-client-checks=false" })
class SlowClientsTests {

	private static final int SLOW_CLIENTS = 12;

	@Autowired
	ArticleCatalog catalog;

	@LocalServerPort
	int port;

	Published article;

	final List<Socket> slowClients = new ArrayList<>();

	@BeforeEach
	void publishAnArticle() {
		article = new Newsroom(catalog).article().publish();
	}

	@AfterEach
	void hangUp() throws IOException {
		for (Socket socket : slowClients) {
			socket.close();
		}
	}

	@Test
	void moreSlowBodiesThanThreadsDoNotKeepAReaderWaiting() throws IOException {
		for (int i = 0; i < SLOW_CLIENTS; i++) {
			Socket socket = connect();
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/articles/" + article.slug() + "/comments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"body\": \"")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			slowClients.add(socket);
		}

		HttpResponse<String> page = new Http(port).get(article.path());
		HttpResponse<String> posted = new Http(port).postJson("/api/v1/articles/" + article.slug() + "/comments",
				"{\"authorName\": \"Dalia\", \"body\": \"Sent at once.\"}");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(article.headline());
		assertThat(posted.statusCode()).isEqualTo(201);
	}

	@Test
	void aSlowBodyIsStoredWhenItHasAllArrived() throws Exception {
		byte[] json = "{\"authorName\": \"Efrat\", \"body\": \"One byte at a time.\"}".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/articles/" + article.slug() + "/comments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + json.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (byte b : json) {
				out.write(b);
				out.flush();
				Thread.sleep(5);
			}

			assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 201");
		}
	}

	@Test
	void aJsonBodyDeclaredTooLargeIsRefusedBeforeItIsSent() throws IOException {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/articles/" + article.slug() + "/comments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n{\"body\": \"")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			String answer = answer(socket.getInputStream());

			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(answer).contains("\"status\":413");
		}
	}

	@Test
	void aChunkedBodyIsRefusedAtTheFirstByteOverTheLimit() throws Exception {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/articles/" + article.slug() + "/comments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
			// The server answers and closes as soon as the limit is passed, which may be while chunks are still being
			// written: the writing goes on beside the reading, and a write the server no longer takes ends it.
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
				try {
					for (int i = 0; i < 17; i++) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (IOException refused) {
					// The server has answered and closed the connection.
				}
			});

			// The last chunk never comes: only refusing at the limit gives an answer.
			String answer = answer(socket.getInputStream());
			sending.get(20, TimeUnit.SECONDS);

			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).contains("\"status\":413");
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(20_000);
		return socket;
	}

	private static String statusLine(InputStream in) throws IOException {
		return answer(in).lines().findFirst().orElse("");
	}

	/** What the server has answered: everything until it closes or has sent a whole small response. */
	private static String answer(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		int read;
		while ((read = in.read(buffer)) > 0) {
			answer.write(buffer, 0, read);
			String text = answer.toString(StandardCharsets.UTF_8);
			int headersEnd = text.indexOf("\r\n\r\n");
			if (headersEnd > 0 && (text.endsWith("}") || text.endsWith("0\r\n\r\n"))) {
				break;
			}
		}
		return answer.toString(StandardCharsets.UTF_8);
	}
}
