package dev.gazette.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The precompiled message templates: text written as is, HTML escaped, the subject from the text's first line. */
class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	private final TestMessage model = new TestMessage("Oğuz <Türk>", "https://gazette.example/verify?token=abc&lang=he");

	@Test
	void theTextTemplateGivesTheSubjectAndABodyWrittenAsIs() {
		MailTemplates.Rendered message = templates.render(model);

		assertThat(message.subject()).isEqualTo("A test message for Oğuz <Türk>");
		assertThat(message.text()).startsWith("Hello Oğuz <Türk>,\n")
			.contains("\nhttps://gazette.example/verify?token=abc&lang=he\n")
			.doesNotContain("Subject:")
			.endsWith("Gazette\n");
	}

	@Test
	void theHtmlTemplateEscapesWhatTheModelBrings() {
		String html = templates.render(model).html();

		assertThat(html).contains("<p>Hello Oğuz &lt;Türk&gt;,</p>")
			.contains("href=\"https://gazette.example/verify?token=abc&amp;lang=he\"")
			.doesNotContain("<Türk>");
	}

	@Test
	void aRenderedMessageIsAddressedAsAMail() {
		Mail mail = templates.render(model).to("Dalia Cohen <dalia@example.com>", "test");

		assertThat(mail.to()).isEqualTo("Dalia Cohen <dalia@example.com>");
		assertThat(mail.subject()).isEqualTo("A test message for Oğuz <Türk>");
		assertThat(mail.html()).contains("<html");
		assertThat(mail.category()).isEqualTo("test");
	}

	@Test
	void aMessageWithoutATextTemplateIsRefused() {
		MailMessage nowhere = () -> "mail/no-such-message";

		assertThatIllegalArgumentException().isThrownBy(() -> templates.render(nowhere))
			.withMessageContaining("mail/no-such-message.jte");
	}
}
