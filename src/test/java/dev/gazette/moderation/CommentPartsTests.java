package dev.gazette.moderation;

import dev.gazette.moderation.internal.CommentParts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting a comment into sentences and quoting them back, in any script. */
class CommentPartsTests {

	@Test
	void sentencesEndAtFullStopsAndLineBreaksButNotAtDecimalPoints() {
		assertThat(CommentParts.sentences("The dam cost 3.5 billion. Who paid?\nNot us"))
			.containsExactly("The dam cost 3.5 billion.", "Who paid?", "Not us");
	}

	@Test
	void hebrewTurkishAndEmojiSentencesAreKeptWhole() {
		assertThat(CommentParts.sentences("מאמר מעניין על הסכר, תודה 🙏. Oğuz, İstanbul’da mıydın? 👍🏽 Evet!"))
			.containsExactly("מאמר מעניין על הסכר, תודה 🙏.", "Oğuz, İstanbul’da mıydın?", "👍🏽 Evet!");
	}

	@Test
	void aShortPartIsQuotedAsItIsOnOneLine() {
		assertThat(CommentParts.quote("  You are\n wrong.  ")).isEqualTo("You are wrong.");
	}

	@Test
	void aLongPartIsCutAtASpaceWithAnEllipsis() {
		String quote = CommentParts.quote("word ".repeat(100));

		assertThat(quote).endsWith("word…").doesNotContain("  ");
		assertThat(quote.codePointCount(0, quote.length())).isLessThanOrEqualTo(CommentParts.QUOTE_LENGTH + 1);
	}

	@Test
	void aLongPartIsNeverCutInsideAnEmoji() {
		String family = "👨‍👩‍👧‍👦";
		String quote = CommentParts.quote(family.repeat(200));

		assertThat(quote).isEqualTo(family.repeat(CommentParts.QUOTE_LENGTH) + "…");
	}
}
