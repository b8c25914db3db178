package dev.gazette.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A header or cookie set after a page has started is counted (the container would drop it); one set before, not. */
class LateHeadersTests {

	MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aCookieAndAHeaderSetAfterThePageStartedAreCountedByName() throws Exception {
		run((response) -> {
			response.setHeader("ETag", "\"early\"");
			response.getWriter().write("<!DOCTYPE html>");
			response.flushBuffer();
			response.addCookie(new Cookie("XSRF-TOKEN", "late"));
			response.setHeader("Vary", "Cookie");
		});

		assertThat(count("Set-Cookie XSRF-TOKEN")).isEqualTo(1);
		assertThat(count("Vary")).isEqualTo(1);
		assertThat(meters.find("gazette.http.late.headers").tag("header", "ETag").counter()).isNull();
	}

	@Test
	void headersSetBeforeThePageStartedAreNotCounted() throws Exception {
		run((response) -> {
			response.addCookie(new Cookie("XSRF-TOKEN", "early"));
			response.addHeader("Set-Cookie", "gazette-session=abc; Path=/");
			response.getWriter().write("<!DOCTYPE html>");
		});

		assertThat(meters.find("gazette.http.late.headers").counters()).isEmpty();
	}

	@Test
	void aCookieSentAgainUnchangedAfterThePageStartedIsNotLost() throws Exception {
		run((response) -> {
			response.addHeader("Set-Cookie", "gazette-session=; Max-Age=0; Path=/");
			response.sendRedirect("/?signed-out");
			response.addHeader("Set-Cookie", "gazette-session=; Max-Age=0; Path=/");
			response.addHeader("Set-Cookie", "gazette-session=new; Path=/");
		});

		assertThat(count("Set-Cookie gazette-session")).as("only the changed one").isEqualTo(1);
	}

	private double count(String header) {
		return meters.get("gazette.http.late.headers").tag("header", header).counter().count();
	}

	private void run(Page page) throws Exception {
		new LateHeaders(meters).doFilter(new MockHttpServletRequest("GET", "/articles/long"),
				new MockHttpServletResponse(), (request, response) -> page.write((HttpServletResponse) response));
	}

	private interface Page {

		void write(HttpServletResponse response) throws IOException;
	}
}
