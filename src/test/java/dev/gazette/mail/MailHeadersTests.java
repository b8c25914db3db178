package dev.gazette.mail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A mail may carry header fields of its own, but none that could rewrite the message or smuggle in another. */
class MailHeadersTests {

	@Test
	void listUnsubscribeHeadersAreKeptInOrderAndSurviveTheOutboxColumn() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<https://gazette.example/newsletter/unsubscribe?token=abc>, <mailto:u@gazette.example>");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

		Mail mail = new Mail("reader@example.com", "Hello", "Text", null, "test").withHeaders(headers);

		assertThat(mail.headers().keySet()).containsExactly("List-Unsubscribe", "List-Unsubscribe-Post");
		assertThat(Outbox.readHeaders(Outbox.writeHeaders(mail.headers()))).isEqualTo(headers);
		assertThat(new Mail("reader@example.com", "Hello", "Text", null, "test").headers()).isEmpty();
	}

	@Test
	void headersThatGazetteWritesItselfOrThatBreakALineAreRefused() {
		for (String name : new String[] { "Subject", "to", "BCC", "Content-Type", "Message-ID", "X Bad", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> mail(Map.of(name, "value")));
		}
		for (String value : new String[] { "one\r\nBcc: victim@example.com", "line\nbreak", "", "Türk" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> mail(Map.of("X-Gazette", value)));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> mail(Map.of("X-Long", "x".repeat(2_001))));
	}

	private static Mail mail(Map<String, String> headers) {
		return new Mail("reader@example.com", "Hello", "Text", null, "test", headers);
	}
}
