package dev.gazette.web;

import java.net.http.HttpResponse;

import dev.gazette.support.Http;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that ask for /favicon.ico whatever the page says get the site's icon, not a 404 page. */
@RunningGazette
class FaviconTests {

	@LocalServerPort
	int port;

	@Test
	void theOldIconAddressLeadsToTheSvgIcon() {
		Http http = new Http(port);

		HttpResponse<String> redirect = http.get("/favicon.ico");

		assertThat(redirect.statusCode()).isEqualTo(301);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/icons/gazette-[0-9a-f]+\\.svg");
		HttpResponse<String> icon = http.follow(redirect);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
	}
}
