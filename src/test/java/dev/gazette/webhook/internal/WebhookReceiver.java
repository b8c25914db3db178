package dev.gazette.webhook.internal;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site that takes Gazette's webhook calls, on a local port: a JDK {@code HttpServer} that records every call and
 * whether its signature checks out with the webhook's {@link #secret} at the clock's time, and answers 503 while
 * {@link #failuresLeft} is above zero, else 204.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One call the receiver got, and whether its signature checked out with the secret. */
	record Received(String event, String delivery, String body, boolean signed) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failuresLeft = new AtomicInteger();

	/** The webhook's secret, set once it is registered. */
	volatile String secret;

	private final Clock clock;

	private final HttpServer server;

	WebhookReceiver(Clock clock) throws IOException {
		this.clock = clock;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hooks", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String signature = exchange.getRequestHeaders().getFirst("Gazette-Signature");
			received.add(new Received(exchange.getRequestHeaders().getFirst("Gazette-Event"),
					exchange.getRequestHeaders().getFirst("Gazette-Delivery"), body, verifies(signature, body)));
			exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
			exchange.close();
		});
		server.start();
	}

	/** The address to register the webhook with. */
	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	/** Waits until at least {@code count} deliveries to this receiver's webhook are queued. */
	void awaitQueued(JdbcClient jdbc, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from webhook_delivery d join webhook w on w.id = d.webhook_id where w.secret = :s")
			.param("s", secret)
			.query(Long.class)
			.single() >= count);
	}

	private boolean verifies(String header, String body) {
		if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
			return false;
		}
		String timestamp = header.substring(2, header.indexOf(','));
		String expected = Signatures.hmac(secret, timestamp + "." + body);
		return header.endsWith("v1=" + expected) && Long.parseLong(timestamp) == clock.instant().getEpochSecond();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
