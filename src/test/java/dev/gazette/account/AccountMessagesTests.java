package dev.gazette.account;

import java.util.stream.Stream;

import dev.gazette.account.mail.AlreadyRegistered;
import dev.gazette.account.mail.ConfirmNewAddress;
import dev.gazette.account.mail.ContributorInvitation;
import dev.gazette.account.mail.FailedSignIns;
import dev.gazette.account.mail.PasswordChanged;
import dev.gazette.account.mail.ResetPassword;
import dev.gazette.account.mail.Suspended;
import dev.gazette.account.mail.VerifyEmail;
import dev.gazette.mail.MailMessage;
import dev.gazette.mail.MailTemplates;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message the account feature sends is plain text with an HTML alternative saying the same. */
class AccountMessagesTests {

	private final MailTemplates templates = new MailTemplates();

	private static final String SITE = "The Meridian Gazette";

	private static final String NAME = "Oğuz <Türk>";

	static Stream<MailMessage> messages() {
		return Stream.of(new VerifyEmail(SITE, NAME, "https://gazette.example/verify?token=abc"),
				new AlreadyRegistered(SITE, NAME, "https://gazette.example/sign-in",
						"https://gazette.example/forgot-password"),
				new ResetPassword(SITE, NAME, "https://gazette.example/reset?token=abc"),
				new ConfirmNewAddress(SITE, NAME, "https://gazette.example/confirm?token=abc"),
				new ContributorInvitation(SITE, NAME, "https://gazette.example/invitation?token=abc", true),
				new PasswordChanged(SITE, NAME), new Suspended(SITE, NAME, "2026-12-07 09:00 UTC", "Insults"),
				new FailedSignIns(SITE, NAME, 12, 15));
	}

	@ParameterizedTest
	@MethodSource("messages")
	void isTextWithAnHtmlAlternativeThatGreetsThePersonByName(MailMessage message) {
		MailTemplates.Rendered mail = templates.render(message);

		assertThat(mail.subject()).contains("The Meridian Gazette");
		assertThat(mail.text()).contains("Hello Oğuz <Türk>,");
		assertThat(mail.html()).isNotNull().contains("Oğuz &lt;Türk&gt;");
		assertThat(Jsoup.parse(mail.html()).text()).contains("Hello Oğuz <Türk>,");
	}
}
