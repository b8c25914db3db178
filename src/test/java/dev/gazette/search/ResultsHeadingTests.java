package dev.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The results' heading says how many were found, and says "more than" when the engine stopped counting. */
class ResultsHeadingTests {

	@Test
	void oneSeveralAndMoreThanWeCounted() {
		assertThat(SearchFields.found(1, false, "article", "articles")).isEqualTo("1 article found");
		assertThat(SearchFields.found(0, false, "article", "articles")).isEqualTo("0 articles found");
		assertThat(SearchFields.found(12, false, "comment", "comments")).isEqualTo("12 comments found");
		assertThat(SearchFields.found(1_000, false, "article", "articles")).isEqualTo("1,000 articles found");
		assertThat(SearchFields.found(1_000, true, "article", "articles")).isEqualTo("More than 1,000 articles found");
	}
}
