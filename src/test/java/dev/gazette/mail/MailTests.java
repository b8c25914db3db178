package dev.gazette.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a {@link Mail} accepts: one recipient, one-line headers, a text. */
class MailTests {

	@Test
	void aMailGoesToOneAddressWithOrWithoutAName() {
		assertThat(new Mail("reader@example.com", "Hi", "Text", null, "test").to()).isEqualTo("reader@example.com");
		assertThat(new Mail(" Oğuz Türk <oguz@example.com> ", "Hi", "Text", null, "test").to())
			.isEqualTo("Oğuz Türk <oguz@example.com>");
	}

	@Test
	void anythingButOneAddressIsRefused() {
		for (String to : new String[] { "", "not an address", "a@example.com, b@example.com", "team: a@example.com;",
				"reader@example.com\r\nBcc: everyone@example.com" }) {
			assertThatIllegalArgumentException().as(to).isThrownBy(() -> new Mail(to, "Hi", "Text", null, "test"));
		}
	}

	@Test
	void aSubjectThatWouldAddHeadersIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Mail("reader@example.com", "Hi\r\nBcc: everyone@example.com", "Text", null, "test"));
	}

	@Test
	void textAndCategoryAreRequiredAndBlankHtmlIsNone() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Mail("reader@example.com", "Hi", " ", null, "test"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Mail("reader@example.com", "Hi", "Text", null, null));
		assertThat(new Mail("reader@example.com", "Hi", "Text", "  ", "test").html()).isNull();
	}
}
