package dev.gazette.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code webhook} table: registered URLs, what they want, and their signing secrets. */
@Repository
class Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Webhooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A registered webhook; {@code secret} signs its deliveries. */
	record Webhook(long id, String url, String description, List<WebhookEvent> events, String secret, boolean active,
			Instant createdAt) {
	}

	/** A registration that was refused, with the reason for the form. */
	static class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}
	}

	/**
	 * Registers a URL (http or https, any host: admins only, see the package notes) for these events.
	 * @throws Refused when the URL or the events are not acceptable; nothing is stored
	 */
	@Transactional
	Webhook register(String url, String description, List<String> eventKeys, Instant now) {
		String checkedUrl = checkUrl(url);
		List<WebhookEvent> events = new ArrayList<>();
		for (String key : eventKeys == null ? List.<String>of() : eventKeys) {
			events.add(WebhookEvent.parse(key).orElseThrow(() -> new Refused("Please choose events from the list.")));
		}
		if (events.isEmpty()) {
			throw new Refused("Please choose at least one event.");
		}
		String text = description == null ? "" : description.strip();
		if (text.codePointCount(0, text.length()) > 100) {
			throw new Refused("A description can be at most 100 characters long.");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + HexFormat.of().formatHex(bytes);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into webhook (url, description, events, secret, active, created_at)
				values (:url, :description, :events, :secret, true, :now)""")
			.param("url", checkedUrl)
			.param("description", text)
			.param("events", String.join(",", events.stream().distinct().map(WebhookEvent::key).toList()))
			.param("secret", secret)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return find(keys.getKey().longValue()).orElseThrow();
	}

	static String checkUrl(String url) {
		String text = url == null ? "" : url.strip();
		if (text.isEmpty()) {
			throw new Refused("Please give the address to call.");
		}
		if (text.length() > 2000) {
			throw new Refused("The address can be at most 2,000 characters long.");
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
					|| uri.getRawFragment() != null) {
				throw new Refused("The address must be an http or https URL with a host, such as https://example.com/hooks/gazette.");
			}
			return uri.toString();
		}
		catch (URISyntaxException ex) {
			throw new Refused("The address must be an http or https URL with a host, such as https://example.com/hooks/gazette.");
		}
	}

	Optional<Webhook> find(long id) {
		return jdbc.sql("select * from webhook where id = :id").param("id", id).query((rs, n) -> webhook(rs)).optional();
	}

	List<Webhook> all() {
		return jdbc.sql("select * from webhook order by id").query((rs, n) -> webhook(rs)).list();
	}

	List<Webhook> activeFor(WebhookEvent event) {
		return all().stream().filter(Webhook::active).filter(hook -> hook.events().contains(event)).toList();
	}

	void setActive(long id, boolean active) {
		jdbc.sql("update webhook set active = :active where id = :id").param("id", id).param("active", active).update();
	}

	void delete(long id) {
		jdbc.sql("delete from webhook where id = :id").param("id", id).update();
	}

	private static Webhook webhook(java.sql.ResultSet rs) throws java.sql.SQLException {
		List<WebhookEvent> events = Arrays.stream(rs.getString("events").split(","))
			.map(WebhookEvent::parse)
			.flatMap(Optional::stream)
			.toList();
		return new Webhook(rs.getLong("id"), rs.getString("url"), rs.getString("description"), events,
				rs.getString("secret"), rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
