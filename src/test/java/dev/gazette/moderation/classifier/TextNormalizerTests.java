package dev.gazette.moderation.classifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	@ParameterizedTest
	@CsvSource({ "you are an 1d10t, you are an idiot", "m0r0n, moron", "sh1t, shit", "sh!t, shit",
			"a$$hole, asshole", "b@stard, bastard", "v3rmin, vermin", "f00l, fool", "l1ce, lice", "$hit, shit",
			"st4b, stab", "7r4sh, trash" })
	void undoesLeetSpellings(String written, String meant) {
		assertThat(TextNormalizer.normalize(written)).isEqualTo(meant);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "In 1993 forty people died | in 1993 forty people died",
			"we got murdered 5-0 | we got murdered 5-0", "back in the 1990s | back in the 1990s",
			"tickets cost $100 | tickets cost $100", "the 3rd round at 10am | the 3rd round at 10am",
			"idiot! | idiot!", "Really?! | really?!" })
	void leavesNumbersAndPunctuationAlone(String text, String normalized) {
		assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
	}

	@Test
	void anAtSignThatAddressesSomeoneStaysOutOfTheName() {
		assertThat(TextNormalizer.tokens("@Levon you're right")).containsExactly("levon", "youre", "right");
	}

	@Test
	void foldsDiacriticsAndCompatibilityForms() {
		assertThat(TextNormalizer.normalize("Şehir café naïve Ümit Øresund straße")).isEqualTo("sehir cafe naive umit oresund strasse");
		assertThat(TextNormalizer.normalize("ｉｄｉｏｔ 𝐢𝐝𝐢𝐨𝐭")).isEqualTo("idiot idiot");
	}

	@Test
	void foldsBothTurkishIs() {
		assertThat(TextNormalizer.normalize("İDİOT")).isEqualTo("idiot");
		assertThat(TextNormalizer.normalize("ıdıot")).isEqualTo("idiot");
		assertThat(TextNormalizer.normalize("Kırıkkale İzmir")).isEqualTo("kirikkale izmir");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "you i d i o t | you idiot", "you i.d.i.o.t | you idiot",
			"you i-d-i-o-t | you idiot", "f_u_c_k off | fuck off", "s.a.v.a.g.e.s! | savages!",
			"1 d 1 0 t | idiot" })
	void joinsLettersSpelledOutWithSeparators(String text, String normalized) {
		assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "plan a b | plan a b", "the U.S. policy | the u.s. policy",
			"i.e. a cut | i.e. a cut", "a b-c d | a b-c d" })
	void leavesFewerThanThreeSpelledOutLettersAlone(String text, String normalized) {
		assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
	}

	@Test
	void shortensRunsOfTheSameLetterToTwo() {
		assertThat(TextNormalizer.normalize("stuuuuupid idiooooot!!!!")).isEqualTo("stuupid idioot!!");
		assertThat(TextNormalizer.normalize("good book")).isEqualTo("good book");
		assertThat(TextNormalizer.normalize("1000000 people")).isEqualTo("1000000 people");
	}

	@Test
	void keepsAnAsteriskInsideAWordButNotAroundIt() {
		assertThat(TextNormalizer.tokens("st*pid f**k *really*")).containsExactly("st*pid", "f**k", "really");
	}

	@Test
	void tokensAreWholeWordsSoScunthorpeHidesNothing() {
		assertThat(TextNormalizer.tokens("Scunthorpe and Penistone drew")).containsExactly("scunthorpe", "and",
				"penistone", "drew");
		assertThat(TextNormalizer.tokens("a classic assessment of the cockpit")).doesNotContain("ass", "cock");
	}

	@Test
	void dropsApostrophesInsideWords() {
		assertThat(TextNormalizer.tokens("Don't — it’s the author's")).containsExactly("dont", "its", "the", "authors");
	}

	@Test
	void makesEachPictographATokenOfItsOwn() {
		assertThat(TextNormalizer.tokens("rats🐀🐀🐀 ok")).containsExactly("rats", "🐀", "🐀", "ok");
	}

	@Test
	void dropsZeroWidthCharactersThatHideAWord() {
		assertThat(TextNormalizer.normalize("id\u200Biot m\u00ADoron")).isEqualTo("idiot moron");
	}

	@Test
	void keepsOneLineBreakAndOneSpace() {
		assertThat(TextNormalizer.normalize("  First line\r\n\r\n second \t line  ")).isEqualTo("first line\nsecond line");
	}

	@Test
	void sentencesEndAtStopsMarksAndLineBreaks() {
		TextNormalizer.Tokenized tokenized = TextNormalizer
			.tokenize(TextNormalizer.normalize("Thanks. You idiot!! Why?\nok 👍"));
		assertThat(tokenized.tokens()).containsExactly("thanks", "you", "idiot", "why", "ok", "👍");
		assertThat(tokenized.sentenceEnds()).containsExactly(1, 3, 4, 6);
	}

	@Test
	void emptyTextHasNoTokens() {
		assertThat(TextNormalizer.tokens("  ...  ")).isEmpty();
		assertThat(TextNormalizer.tokenize("").sentenceEnds()).containsExactly(0);
	}
}
