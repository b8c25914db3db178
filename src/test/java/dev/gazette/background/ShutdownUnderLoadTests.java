package dev.gazette.background;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.GazetteApplication;
import dev.gazette.support.FreshTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Stopping Gazette as an operator does (SIGTERM) while 16 readers post comments on the embedded database: what it
 * answered is what it stored. Every comment answered 201 is in the database; every comment in the database was
 * answered 201 or lost its connection; nothing is answered 500; and no background work meets a closed database.
 * Last, the file is compacted, and what was stored is still there.
 * Gazette runs in a JVM of its own, with the demo content, on a file database in a temporary directory, as
 * {@code java -jar} would run it.
 */
class ShutdownUnderLoadTests {

	private static final int THREADS = 16;

	private static final Pattern MARKER = Pattern.compile("probe-(\\d+)");

	@TempDir
	Path dataDir;

	@Test
	void everyCommentStoredDuringAShutdownWasAcknowledgedAndEveryAcknowledgedOneWasStored() throws Exception {
		assumeFalse(FreshTestDatabase.onPostgres(), "The embedded H2 file database is what is under test here");
		int port = freePort();
		Path log = dataDir.resolve("gazette.log");
		Process gazette = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), GazetteApplication.class.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--gazette.data-dir=" + dataDir.resolve("data"),
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true", "--gazette.demo-content=true",
				"--gazette.moderation.burst-count=100000000", "--gazette.moderation.per-client-checks=false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String comments = "http://127.0.0.1:" + port + "/api/v1/articles/our-streets-are-too-hot/comments";
			awaitFirstComment(http, comments, gazette, log);

			Map<Integer, String> outcomes = new ConcurrentHashMap<>();
			AtomicInteger next = new AtomicInteger();
			AtomicInteger acknowledged = new AtomicInteger();
			List<Thread> readers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				Thread reader = new Thread(() -> {
					while (gazette.isAlive()) {
						int n = next.incrementAndGet();
						String outcome = post(http, comments, n);
						outcomes.put(n, outcome);
						if (outcome.equals("201")) {
							acknowledged.incrementAndGet();
						}
						else if (outcome.equals("connection")) {
							sleep(50);
						}
					}
				});
				reader.start();
				readers.add(reader);
			}
			while (acknowledged.get() < 50 && gazette.isAlive()) {
				Thread.sleep(20);
			}
			gazette.destroy(); // SIGTERM
			assertThat(gazette.waitFor(120, TimeUnit.SECONDS)).as("Gazette stopped").isTrue();
			for (Thread reader : readers) {
				reader.join(30_000);
			}

			Set<Integer> stored = storedProbes(dataDir.resolve("data"));
			String output = Files.readString(log);
			List<String> errors = new ArrayList<>();
			outcomes.forEach((n, outcome) -> {
				if (outcome.startsWith("5")) {
					errors.add("probe-" + n + " answered " + outcome + (stored.contains(n) ? " but stored" : ""));
				}
				else if (outcome.startsWith("2") && !stored.contains(n)) {
					errors.add("probe-" + n + " answered " + outcome + " but not stored");
				}
				else if (stored.contains(n) && !outcome.startsWith("2") && !outcome.equals("connection")) {
					errors.add("probe-" + n + " stored but answered " + outcome);
				}
			});
			assertThat(acknowledged.get()).as("comments acknowledged").isGreaterThanOrEqualTo(50);
			assertThat(errors).as("outcomes that do not match the database (of %d posts)", outcomes.size()).isEmpty();
			assertThat(output).as("Gazette's log").doesNotContain("already closed").doesNotContain("has been closed");
			assertThat(output).as("Gazette's log: the file compacted once everything had stopped")
				.contains("Compacted the embedded database at shutdown")
				.doesNotContain("Compacting the embedded database at shutdown failed");
			assertThat(gazette.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
		}
		finally {
			gazette.destroyForcibly();
		}
	}

	/** The answer's status code, or "connection" when the request got no answer at all. */
	private static String post(HttpClient http, String comments, int n) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(comments))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"authorName\":\"Reader " + n + "\",\"body\":\"Shade matters, probe-" + n + ".\"}"))
			.build();
		try {
			return Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException ex) {
			return "connection";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "connection";
		}
	}

	/** Waits (up to six minutes, on a busy machine) until Gazette takes a comment: demo content loaded. */
	private static void awaitFirstComment(HttpClient http, String comments, Process gazette, Path log)
			throws Exception {
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
		String last = "";
		while (System.nanoTime() < end) {
			assertThat(gazette.isAlive()).as("Gazette running; its log:%n%s", Files.readString(log)).isTrue();
			last = post(http, comments, 0);
			if (last.equals("201")) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Gazette took no comment within six minutes (last answer " + last + "); its log:\n"
				+ Files.readString(log));
	}

	private static Set<Integer> storedProbes(Path data) throws Exception {
		String url = UnfinishedListenersTests.applicationDatabaseUrl(data);
		Set<Integer> probes = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url, "", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select body from comment where body like '%probe-%'")) {
			while (rows.next()) {
				Matcher marker = MARKER.matcher(rows.getString(1));
				if (marker.find()) {
					probes.add(Integer.parseInt(marker.group(1)));
				}
			}
		}
		probes.remove(0);
		return probes;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
