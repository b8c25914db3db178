package dev.gazette.account;

import java.util.Map;

import dev.gazette.mail.MailTemplates;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message the account feature sends is plain text with an HTML alternative saying the same. */
class AccountMessagesTests {

	private final MailTemplates templates = new MailTemplates();

	private final Map<String, Object> model = Map.of("site", "The Meridian Gazette", "name", "Oğuz <Türk>", "link",
			"https://gazette.example/verify?token=abc", "signInLink", "https://gazette.example/sign-in", "resetLink",
			"https://gazette.example/forgot-password");

	@ParameterizedTest
	@ValueSource(strings = { "verify-email", "already-registered", "reset-password", "confirm-new-address",
			"password-changed" })
	void isTextWithAnHtmlAlternativeThatGreetsThePersonByName(String message) {
		MailTemplates.Rendered mail = templates.render(message, model);

		assertThat(mail.subject()).contains("The Meridian Gazette");
		assertThat(mail.text()).contains("Hello Oğuz <Türk>,");
		assertThat(mail.html()).isNotNull().contains("Oğuz &lt;Türk&gt;");
		assertThat(Jsoup.parse(mail.html()).text()).contains("Hello Oğuz <Türk>,");
	}
}
