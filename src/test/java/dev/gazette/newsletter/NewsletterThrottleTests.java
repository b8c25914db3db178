package dev.gazette.newsletter;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client may ask for only so many confirmation mails in a period ({@code gazette.newsletter.per-address}), so it
 * cannot have the newsletter mail-bomb strangers; then the page and the API answer 429 with when to try again, and
 * nothing is stored or mailed. Another client is not affected. A Gazette of its own, with a small limit, that trusts
 * {@code X-Forwarded-For} as behind a reverse proxy, so that the test can be several clients.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"gazette.newsletter.per-address=3", "server.forward-headers-strategy=native" })
class NewsletterThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneClientSubscribingManyAddressesIsStoppedAfterTheLimitOnThePageAndInTheApi() {
		Http bomber = new Http(port, "203.0.113.50");
		for (int i = 1; i <= 3; i++) {
			String victim = Readers.uniqueEmail("victim" + i);
			HttpResponse<String> asked = i % 2 == 0
					? bomber.postJson("/api/v1/newsletter/subscriptions", Json.object("email", victim, "frequency", "daily"))
					: bomber.postForm("/newsletter", Map.of("email", victim, "frequency", "daily"));
			assertThat(asked.statusCode()).as("request " + i).isIn(202, 302);
		}
		long mails = mailCount();
		String spared = Readers.uniqueEmail("spared");

		HttpResponse<String> page = bomber.postForm("/newsletter", Map.of("email", spared, "frequency", "daily"));
		HttpResponse<String> api = bomber.postJson("/api/v1/newsletter/subscriptions",
				Json.object("email", spared, "frequency", "weekly"));
		HttpResponse<String> otherClientOverIpv6 = new Http(port, "2001:db8:5:5::1").postForm("/newsletter",
				Map.of("email", Readers.uniqueEmail("six"), "frequency", "daily"));
		HttpResponse<String> elsewhere = new Http(port, "198.51.100.77").postForm("/newsletter",
				Map.of("email", Readers.uniqueEmail("neighbour"), "frequency", "daily"));

		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3_600L);
		assertThat(Jsoup.parse(page.body()).selectFirst(".form-error").text()).contains("try again in");
		assertThat(Jsoup.parse(page.body()).selectFirst("input[name=email]").val()).isEqualTo(spared);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Retry-After")).isPresent();
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(new Mailbox(jdbc).count(spared)).isZero();
		assertThat(subscribers(spared)).isZero();
		assertThat(otherClientOverIpv6.statusCode()).isEqualTo(302);
		assertThat(elsewhere.statusCode()).as("another client").isEqualTo(302);
		assertThat(mailCount()).isEqualTo(mails + 2);
	}

	@Test
	void anIpv6ClientIsOneClientAcrossItsSlash64() {
		for (int i = 1; i <= 3; i++) {
			new Http(port, "2001:db8:9:9::" + i).postForm("/newsletter",
					Map.of("email", Readers.uniqueEmail("v6-" + i), "frequency", "daily"));
		}

		HttpResponse<String> refused = new Http(port, "2001:db8:9:9:ffff::1").postForm("/newsletter",
				Map.of("email", Readers.uniqueEmail("v6-more"), "frequency", "daily"));

		assertThat(refused.statusCode()).isEqualTo(429);
	}

	private long mailCount() {
		return jdbc.sql("select count(*) from mail_message").query(Long.class).single();
	}

	private long subscribers(String email) {
		return jdbc.sql("select count(*) from newsletter_subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}
}
