package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.support.Http;
import dev.gazette.support.Json;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client address may send only so many pitches in a period ({@code gazette.pitches.per-address}); then the form
 * and the API answer 429 with when to try again, and nothing more is stored. An IPv6 client is its /64. A Gazette of
 * its own, with a small limit, that trusts {@code X-Forwarded-For} as behind a reverse proxy, so that the test can be
 * several clients.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"gazette.pitches.per-address=2", "server.forward-headers-strategy=native" })
class PitchThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theThirdPitchFromOneAddressWithinTheHourIsRefusedWithRetryAfter() {
		Http guest = new Http(port);
		for (int i = 1; i <= 2; i++) {
			HttpResponse<String> sent = guest.postForm("/write-for-us", pitch(i));
			assertThat(sent.statusCode()).as("pitch " + i).isEqualTo(200);
		}
		long stored = jdbc.sql("select count(*) from pitch").query(Long.class).single();

		HttpResponse<String> refused = guest.postForm("/write-for-us", pitch(3));
		HttpResponse<String> byApi = guest.postJson("/api/v1/pitches",
				Json.object("name", "Api", "email", "api@example.com", "summary", "One more idea."));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3_600L);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".form-error").text()).contains("try again in");
		assertThat(Jsoup.parse(refused.body()).selectFirst("textarea#summary").val()).isEqualTo("Idea number 3.");
		assertThat(byApi.statusCode()).isEqualTo(429);
		assertThat(byApi.headers().firstValue("Retry-After")).isPresent();
		assertThat(byApi.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(jdbc.sql("select count(*) from pitch").query(Long.class).single()).isEqualTo(stored);
	}

	@Test
	void twoAddressesInOneIpv6Slash64ShareALimitAndAnotherSlash64HasItsOwn() {
		Http first = new Http(port, "2001:db8:44:1::1");
		Http sameNetwork = new Http(port, "2001:db8:44:1:9999:8888:7777:6666");
		Http otherNetwork = new Http(port, "2001:db8:44:2::1");

		assertThat(first.postForm("/write-for-us", pitch(4, "v6")).statusCode()).isEqualTo(200);
		assertThat(sameNetwork.postForm("/write-for-us", pitch(5, "v6")).statusCode()).isEqualTo(200);

		assertThat(sameNetwork.postForm("/write-for-us", pitch(6, "v6")).statusCode()).isEqualTo(429);
		assertThat(first.postForm("/write-for-us", pitch(7, "v6")).statusCode()).isEqualTo(429);
		assertThat(otherNetwork.postForm("/write-for-us", pitch(8, "v6")).statusCode()).isEqualTo(200);
	}

	@Test
	void anIpv4MappedAddressIsTheSameClientAsItsIpv4Address() {
		Http v4 = new Http(port, "198.51.100.44");
		Http mapped = new Http(port, "::ffff:198.51.100.44");

		assertThat(v4.postForm("/write-for-us", pitch(9, "mapped")).statusCode()).isEqualTo(200);
		assertThat(mapped.postForm("/write-for-us", pitch(10, "mapped")).statusCode()).isEqualTo(200);

		assertThat(v4.postForm("/write-for-us", pitch(11, "mapped")).statusCode()).isEqualTo(429);
	}

	/** A pitch from a sender of its own, so that only the client's limit can refuse it. */
	private static Map<String, String> pitch(int number, String sender) {
		return Map.of("name", "Writer " + number, "email", sender + number + "@example.com", "summary",
				"Idea number " + number + ".");
	}

	private static Map<String, String> pitch(int number) {
		return Map.of("name", "Writer " + number, "email", "writer" + number + "@example.com", "summary",
				"Idea number " + number + ".");
	}
}
