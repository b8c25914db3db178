package dev.gazette.moderation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A moderation service on a free loopback port, for the external scorers to talk to: it records what it was sent
 * and answers what the test told it to — a status and a JSON body, after an optional delay.
 */
final class FakeModerationService implements AutoCloseable {

	/** One request as the service received it. */
	record Received(String path, String query, String body, String authorization) {
	}

	private record Answer(int status, String body, Duration delay) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}", Duration.ZERO));

	FakeModerationService() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot listen on a loopback port", ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	/** From now on, answer {@code status} with {@code json}. */
	void answers(int status, String json) {
		answer.set(new Answer(status, json, Duration.ZERO));
	}

	/** From now on, answer 200 with {@code json}, but only after {@code delay}. */
	void answersSlowly(Duration delay, String json) {
		answer.set(new Answer(200, json, delay));
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body,
				exchange.getRequestHeaders().getFirst("Authorization")));
		Answer current = answer.get();
		try {
			Thread.sleep(current.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(current.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The client gave up (a timeout under test): nothing to answer to.
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
