package dev.gazette.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The one rule for an address someone types: what the mail library takes, as a single plain addr-spec. */
class EmailAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "reader@example.com", "ayse.yilmaz+news@mail.example.org", "o'brien@example.ie",
			"admin@localhost", "x@a-b.example", "UPPER@Example.COM" })
	void plainAddressesAreTakenAndTheMailLibraryTakesThemToo(String address) {
		assertThat(EmailAddresses.isValid(address)).isTrue();
		assertThatNoException().isThrownBy(() -> new Mail(address, "Hi", "Text", null, "test"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>@x.example", "x@x.example,root", "x@x.example;y@y.example", "Name <x@x.example>",
			"\"quoted\"@x.example", "x(comment)@x.example", "team: x@x.example;", "x@[127.0.0.1]", "x@example",
			"x@.example", "x@example.", "x@exa..mple", "x..y@example.com", ".x@example.com", "x.@example.com",
			"x@-example.com", "x y@example.com", "x@@example.com", "@example.com", "x@", "not an address", "",
			"a\r\nBcc: b@example.com" })
	void anythingElseIsRefusedHereRatherThanByTheMailLibraryLater(String address) {
		assertThat(EmailAddresses.isValid(address)).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 65, 255 })
	void overlongAddressesAreRefused(int length) {
		String address = length == 65 ? "a".repeat(65) + "@example.com"
				: "a".repeat(64) + "@" + "b".repeat(length - 64 - 1 - 8) + ".example";
		assertThat(address.length()).isGreaterThanOrEqualTo(length == 65 ? 77 : 255);
		assertThat(EmailAddresses.isValid(address)).isFalse();
		assertThat(EmailAddresses.isValid(null)).isFalse();
	}
}
