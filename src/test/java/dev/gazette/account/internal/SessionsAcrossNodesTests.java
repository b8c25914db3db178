package dev.gazette.account.internal;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.gazette.GazetteApplication;
import dev.gazette.support.FreshTestDatabase;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.Readers.Reader;
import dev.gazette.support.RunningGazette;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Gazette nodes behind one load balancer share one database and so share sessions: a reader signed in on one
 * node is signed in on the other, and what ends a session on one ends it everywhere. The second node is started here,
 * on the first one's database.
 */
@RunningGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossNodesTests {

	static final String SESSION = "gazette-session";

	@Autowired
	Environment environment;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int portA;

	ConfigurableApplicationContext nodeB;

	int portB;

	Reader reader;

	Http onA;

	@BeforeAll
	void startASecondNodeOnTheSameDatabase() {
		nodeB = new SpringApplicationBuilder(GazetteApplication.class).run("--server.port=0",
				"--" + FreshTestDatabase.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--gazette.clock=" + RunningGazette.NOW, "--gazette.base-url=" + RunningGazette.BASE_URL,
				"--gazette.demo-content=false");
		portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
	}

	@AfterAll
	void stopTheSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@BeforeEach
	void aReaderSignedInOnNodeA() {
		reader = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Roaming Reader");
		onA = Http.signedInAs(portA, reader);
		assertThat(onA.get("/settings").statusCode()).isEqualTo(200);
	}

	@Test
	void theSessionCookieFromOneNodeSignsInOnTheOther() {
		assertThat(portB).isNotEqualTo(portA);
		Http onB = sameBrowserOn(portB, SESSION);

		HttpResponse<String> settings = onB.get("/settings");

		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(settings.body()).selectFirst("main").text()).contains("Signed in as " + reader.email());
	}

	@Test
	void signingOutOnOneNodeEndsTheSessionOnTheOther() {
		Http onB = sameBrowserOn(portB, SESSION);

		assertThat(onB.postForm("/sign-out", Map.of()).statusCode()).isEqualTo(302);

		assertThat(onA.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void aRoleChangedOnOneNodeEndsTheSessionInUseOnTheOther() {
		Http onB = sameBrowserOn(portB, SESSION);

		administration.grant(reader.id(), Role.CONTRIBUTOR, null);

		assertThat(onB.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void aRememberMeCookieFromOneNodeSignsInOnTheOther() {
		Http remembered = new Http(portA);
		remembered.postForm("/sign-in",
				Map.of("email", reader.email(), "password", reader.password(), "remember-me", "true"));
		Http onB = new Http(portB);
		onB.setCookie("gazette-remember-me", remembered.cookie("gazette-remember-me").orElseThrow());

		assertThat(onB.get("/settings").statusCode()).isEqualTo(200);
	}

	/** A client for the node on {@code port} with the cookie this reader's browser got from node A. */
	private Http sameBrowserOn(int port, String cookie) {
		Http browser = new Http(port);
		browser.setCookie(cookie, onA.cookie(cookie).orElseThrow());
		return browser;
	}
}
