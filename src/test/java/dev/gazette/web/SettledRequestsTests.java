package dev.gazette.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request Spring MVC matches its mappings against answers as the request beneath does, asking it once.
 */
class SettledRequestsTests {

	@Test
	void theMethodAndHeadersAreTheRequestsOwnAndReadOnce() {
		MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/api/v1/articles/river/comments");
		sent.addHeader("Content-Type", "application/json");
		sent.addHeader("Content-Length", "42");
		Counting beneath = new Counting(sent);
		HttpServletRequest settled = new SettledRequests.Settled(beneath);

		for (int mapping = 0; mapping < 230; mapping++) {
			assertThat(settled.getMethod()).isEqualTo("POST");
			assertThat(settled.getHeader("Content-Length")).isEqualTo("42");
			assertThat(settled.getHeader("Transfer-Encoding")).isNull();
		}
		assertThat(settled.getHeader("content-type")).as("names in any case").isEqualTo("application/json");

		assertThat(beneath.reads).containsExactly("method", "Content-Length", "Transfer-Encoding", "content-type");
	}

	/** Records each read that reaches the request beneath. */
	private static final class Counting extends HttpServletRequestWrapper {

		final List<String> reads = new ArrayList<>();

		Counting(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			reads.add("method");
			return super.getMethod();
		}

		@Override
		public String getHeader(String name) {
			reads.add(name);
			return super.getHeader(name);
		}
	}
}
