package dev.gazette.search.internal;

import java.io.Reader;

import com.ibm.icu.text.Transliterator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * How text becomes terms, the same for documents and queries: words found by ICU's Unicode rules (so Hebrew, Arabic
 * and Thai split into words as well as Latin), then folded (case, width, diacritics: "Muller" finds "Müller"), then
 * English stemming ("rivers" finds "river").
 * <p>
 * Before that, the letters readers type without knowing they differ: Turkish and Azerbaijani dotless {@code ı} and
 * dotted {@code İ} become plain {@code i} / {@code I} (folding alone would keep {@code ı} a letter of its own), and
 * Azerbaijani {@code ə} becomes {@code a}, the way "Əliyev" is spelled "Aliyev" in English.
 */
final class SearchAnalyzer extends Analyzer {

	private static final NormalizeCharMap LETTERS;

	static {
		NormalizeCharMap.Builder letters = new NormalizeCharMap.Builder();
		letters.add("ı", "i");
		letters.add("İ", "I");
		letters.add("ə", "a");
		letters.add("Ə", "A");
		LETTERS = letters.build();
	}

	private static final Transliterator WITHOUT_MARKS = Transliterator
		.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC");

	private final boolean stem;

	/** @param stem {@code false} for the spelling field, whose terms are offered back to readers as words */
	SearchAnalyzer(boolean stem) {
		this.stem = stem;
	}

	@Override
	protected Reader initReader(String fieldName, Reader reader) {
		return new MappingCharFilter(LETTERS, reader);
	}

	@Override
	protected Reader initReaderForNormalization(String fieldName, Reader reader) {
		return new MappingCharFilter(LETTERS, reader);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer tokenizer = new ICUTokenizer();
		TokenStream terms = fold(tokenizer);
		if (stem) {
			terms = new PorterStemFilter(terms);
		}
		return new TokenStreamComponents(tokenizer, terms);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return fold(in);
	}

	/**
	 * Unicode case folding with compatibility forms (NFKC_Casefold: "ǅ" and "Ⅻ" and full-width letters become plain
	 * ones), then combining marks dropped. Lucene's own {@code ICUFoldingFilter} would do both in one step, but its
	 * bundled data is built for ICU 74 and ICU4J 78 (which Gazette's calendars need) refuses to load it; the two
	 * steps here use ICU4J's own data.
	 */
	private static TokenStream fold(TokenStream in) {
		return new ICUTransformFilter(new ICUNormalizer2Filter(in), WITHOUT_MARKS);
	}
}
