package dev.gazette.webhook.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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

	/**
	 * Registers a URL (http or https, any host: admins only, see the package notes) for these events, as the
	 * register form ({@link WebhookForm}) checked them; the URL and description are stored stripped.
	 */
	@Transactional
	Webhook register(WebhookForm form, Instant now) {
		List<WebhookEvent> events = form.event().stream().map(key -> WebhookEvent.parse(key).orElseThrow()).toList();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + HexFormat.of().formatHex(bytes);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into webhook (url, description, events, secret, active, created_at)
				values (:url, :description, :events, :secret, true, :now)""")
			.param("url", form.url().strip())
			.param("description", form.description() == null ? "" : form.description().strip())
			.param("events", String.join(",", events.stream().distinct().map(WebhookEvent::key).toList()))
			.param("secret", secret)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return find(keys.getKey().longValue()).orElseThrow();
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
