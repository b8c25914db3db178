package dev.gazette.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** What words become in the index: the same terms for what a reader types and what the newsroom wrote. */
class SearchAnalyzerTests {

	private final SearchAnalyzer analyzer = new SearchAnalyzer(true);

	private List<String> terms(String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

	@Test
	void azerbaijaniTurkishAndAccentedLettersBecomePlainOnes() throws IOException {
		assertThat(terms("Əliyev")).isEqualTo(terms("Aliyev"));
		assertThat(terms("İstanbul ışık")).isEqualTo(terms("istanbul ISIK"));
		assertThat(terms("Müller café Oğuz")).isEqualTo(terms("muller cafe oguz"));
	}

	@Test
	void englishWordsLoseTheirEndings() throws IOException {
		assertThat(terms("rivers")).isEqualTo(terms("river"));
	}

	@Test
	void hebrewAndArabicSplitIntoWords() throws IOException {
		assertThat(terms("שלום עולם")).hasSize(2);
		assertThat(terms("السلام عليكم")).hasSize(2);
	}
}
