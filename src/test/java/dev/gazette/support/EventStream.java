package dev.gazette.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client as a browser's EventSource is, for tests: it opens a stream (optionally with
 * {@code Last-Event-ID}), parses its events on a thread of its own and hands them over in order.
 */
public final class EventStream implements AutoCloseable {

	/** One event: its id, name and data, as the browser would see them. */
	public record Event(String id, String name, String data) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<InputStream> response;

	private final Thread reader;

	private volatile boolean comments;

	private EventStream(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "test-event-stream");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Opens a stream and waits for its first line (the server's greeting), so what happens after this call is sent
	 * to it.
	 * @param lastEventId sent as {@code Last-Event-ID}, or {@code null}
	 * @param cookie a {@code Cookie} header value, or {@code null}
	 */
	public static EventStream open(int port, String path, String lastEventId, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		try {
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.get(10, TimeUnit.SECONDS);
			if (response.statusCode() != 200) {
				String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
				response.body().close();
				throw new IllegalStateException("The stream answered " + response.statusCode() + ": " + body);
			}
			EventStream stream = new EventStream(response);
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!stream.comments && System.nanoTime() < until) {
				Thread.sleep(10);
			}
			return stream;
		}
		catch (Exception failed) {
			throw new IllegalStateException("Could not open " + path, failed);
		}
	}

	/** The status of a request that the server may refuse: 200 for a stream (which is then closed). */
	public static HttpResponse<String> tryOpen(int port, String path) {
		try {
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Accept", "text/event-stream")
					.build(), HttpResponse.BodyHandlers.ofInputStream())
				.get(10, TimeUnit.SECONDS);
			String body = response.statusCode() == 200 ? "" : new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
			response.body().close();
			return new Answer(response, body);
		}
		catch (Exception failed) {
			throw new IllegalStateException("Could not open " + path, failed);
		}
	}

	/** The next event, or {@code null} if none comes within {@code wait}. */
	public Event next(Duration wait) throws InterruptedException {
		return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Events that arrive within {@code wait}. */
	public List<Event> drain(Duration wait) throws InterruptedException {
		List<Event> all = new ArrayList<>();
		Event event;
		while ((event = next(wait)) != null) {
			all.add(event);
		}
		return all;
	}

	/** Whether the server has sent at least one comment line (the greeting, a heartbeat). */
	public boolean heardFrom() {
		return comments;
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						events.add(new Event(id, name == null ? "message" : name, data.toString()));
					}
					name = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					comments = true;
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
				}
			}
		}
		catch (IOException closed) {
			// the stream ended
		}
	}

	@Override
	public void close() {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
		reader.interrupt();
	}

	/** A refused (or closed) stream's answer, its body read. */
	private record Answer(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return response.statusCode();
		}

		@Override
		public HttpRequest request() {
			return response.request();
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return response.headers();
		}

		@Override
		public URI uri() {
			return response.uri();
		}

		@Override
		public HttpClient.Version version() {
			return response.version();
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return response.sslSession();
		}
	}
}
