package dev.gazette.publication;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which display names a reader would take for one another, and which words are kept for staff. */
class NameLikenessTests {

	@ParameterizedTest(name = "\"{1}\" looks like \"{0}\"")
	@CsvSource(delimiter = '|', value = {
			"Leyla Məmmədova | leyla məmmədova",
			"Leyla Məmmədova | LEYLA MƏMMƏDOVA",
			"Leyla Məmmədova | Leyla Mammadova",
			"Leyla Məmmədova | Leyla Mәmmәdova",            // Cyrillic schwas
			"Leyla Məmmədova | L\u0435yla Məmmədova",       // Cyrillic e
			"Leyla Məmmədova | Ley\u200Bla Məmmədova",      // zero-width space
			"Leyla Məmmədova | Leyla\u00A0 Məmmədova ",     // no-break space, two spaces, a trailing one
			"Leyla Məmmədova | Leyla.Məmmədova",
			"Oğuz Türk | Oguz Turk",
			"Oğuz Türk | O\u0306guz Tu\u0308rk",            // decomposed accents
			"İlham Əliyev | ilham aliyev",
			"İlham Əliyev | ılham Əliyev",                  // dotless i
			"Ayelet Cohen | Aye1et Cohen",                  // digit one for l
			"Ayelet Cohen | Ayelet Cohеn",                  // Cyrillic e
			"Maria Warszawska | Maria Wαrszawska",          // Greek alpha
			"Tamar | Ｔａｍａｒ",                             // full-width letters
			"Anna Kowalska | Anna Kowalska\u202E",          // a right-to-left override
			"אבי כהן | אבי\u200F כהן" })                    // Hebrew with a right-to-left mark
	void namesThatLookAlikeHaveOneKey(String name, String lookalike) {
		assertThat(NameLikeness.key(lookalike)).isEqualTo(NameLikeness.key(name));
	}

	@ParameterizedTest(name = "\"{1}\" is not \"{0}\"")
	@CsvSource(delimiter = '|', value = {
			"Leyla Məmmədova | Leyla Məmmədli",
			"Ayelet Cohen | Ayelet Kohen",
			"Oğuz Türk | Oğuz Türkmen",
			"Tamar | Tamara",
			"אבי כהן | אבי לוי" })
	void differentNamesHaveDifferentKeys(String name, String other) {
		assertThat(NameLikeness.key(other)).isNotEqualTo(NameLikeness.key(name));
	}

	@ParameterizedTest(name = "\"{0}\" has no key")
	@CsvSource(delimiter = '|', value = { "' '", "'\u200B\u200D'", "'.-_'" })
	void aNameOfNothingVisibleHasAnEmptyKey(String name) {
		assertThat(NameLikeness.key(name)).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\" is kept for staff")
	@CsvSource(delimiter = '|', value = { "Moderator", "ADMIN", "The Editor", "Gazette staff", "M\u043Ederator",
			"Mod\u0435rator", "\u0415ditor", "Riverside Gazette", "riverside gazette fan" })
	void wordsKeptForStaffAndThePublicationsNameAreReserved(String name) {
		assertThat(NameLikeness.usesReservedWord(name, "Riverside Gazette")).isTrue();
	}

	@ParameterizedTest(name = "\"{0}\" is an ordinary name")
	@CsvSource(delimiter = '|', value = { "Moderation fan", "Edith", "Riverside reader", "Gazetteer", "Adminah Osei",
			"Leyla Məmmədova" })
	void ordinaryNamesAreNotReserved(String name) {
		assertThat(NameLikeness.usesReservedWord(name, "Riverside Gazette")).isFalse();
	}
}
