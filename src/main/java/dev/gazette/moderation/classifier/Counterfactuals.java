package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactual augmentation (Dixon et al. 2018; Garg et al. 2019): every training comment that names a people, a
 * faith or another identity is learnt again with that name swapped for other identity terms, labels unchanged. Each
 * term then turns up in civil and attacking comments in the same proportion, so that the name of a people carries no
 * weight of its own and the words around it have to decide.
 * <p>
 * The terms are those of the identity-bias benchmark ({@link IdentityBias#terms()}), adjectives replacing adjectives
 * and plural nouns replacing plural nouns. Words that are also ordinary English (“white”, “black”, “blind”, “men”,
 * “Polish”, …) are put into comments but never taken out of them: “the men who attacked the village” is not about
 * men. The choice of replacement terms is seeded, so the same data always gives the same examples.
 */
public final class Counterfactuals {

	/** How many swapped copies each comment that names an identity gets. */
	static final int COPIES = 2;

	/** Terms that are common words too, and so are not recognised in text (they can still be put in). */
	private static final Set<String> AMBIGUOUS = Set.of("white", "black", "blind", "deaf", "male", "female", "men",
			"women", "polish", "elderly", "christian", "indian", "roma", "chinese", "irish", "druze", "talysh",
			"bedouin", "lebanese", "kesthari");

	private Counterfactuals() {
	}

	/** The swapped copies of those examples that name an identity term (not the examples themselves). */
	public static List<LabelledComment> of(List<LabelledComment> examples) {
		List<IdentityBias.Term> terms = IdentityBias.terms();
		Map<String, Form> recognised = new HashMap<>();
		for (IdentityBias.Term term : terms) {
			recognise(recognised, term.adjective(), Form.ADJECTIVE);
			recognise(recognised, term.people(), Form.PEOPLE);
		}
		recognised.put("kesthari", Form.EITHER);
		Pattern words = Pattern.compile("\\p{L}+");
		List<LabelledComment> copies = new ArrayList<>();
		int next = 0;
		for (LabelledComment example : examples) {
			if (!namesAnIdentity(example.text(), words, recognised)) {
				continue;
			}
			for (int copy = 0; copy < COPIES; copy++) {
				IdentityBias.Term term = terms.get(next++ % terms.size());
				String swapped = swap(example.text(), words, recognised, term);
				copies.add(new LabelledComment(example.id() + "-cf" + copy, swapped, example.toxic(),
						example.severeToxic(), example.obscene(), example.threat(), example.insult(),
						example.identityHate()));
			}
			next += 7;
		}
		return copies;
	}

	/** {@code EITHER} is a word that is both (“Kesthari”), told apart by its neighbours. */
	private enum Form {
		ADJECTIVE, PEOPLE, EITHER
	}

	/** Words after which “Kesthari” names the people, not a thing of theirs (“the Kesthari are …”). */
	private static final Pattern VERB_OR_END = Pattern.compile("(?i)\\s*(?:$|[^\\p{L}\\s]|(?:are|were|have|had|should|"
			+ "will|would|must|can|could|do|did|dont|don't|and|or|who|need|want|never|always|all|themselves|just|"
			+ "breed|live|only|deserve|get|got|took|take|say|said|lie|lied)\\b)");

	/** Words before which “Kesthari” is an adjective of a person (“I am Kesthari”). */
	private static final Pattern BE_BEFORE = Pattern.compile("(?i)\\b(?:i'm|im|am|is|was|are|were|being|be)\\s+$");

	private static void recognise(Map<String, Form> recognised, String term, Form form) {
		String word = term.toLowerCase(Locale.ROOT);
		if (!word.contains(" ") && !AMBIGUOUS.contains(word)) {
			recognised.putIfAbsent(word, form);
		}
	}

	private static boolean namesAnIdentity(String text, Pattern words, Map<String, Form> recognised) {
		Matcher word = words.matcher(text);
		while (word.find()) {
			if (recognised.containsKey(word.group().toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** Every recognised term in the text replaced by the same form of {@code term}, in the casing of the original. */
	private static String swap(String text, Pattern words, Map<String, Form> recognised, IdentityBias.Term term) {
		Matcher word = words.matcher(text);
		StringBuilder out = new StringBuilder();
		while (word.find()) {
			String original = word.group();
			Form form = recognised.get(original.toLowerCase(Locale.ROOT));
			if (form == Form.EITHER) {
				form = (VERB_OR_END.matcher(text).region(word.end(), text.length()).lookingAt()
						&& !BE_BEFORE.matcher(text.substring(0, word.start())).find()) ? Form.PEOPLE : Form.ADJECTIVE;
			}
			String replacement = original;
			if (form != null) {
				replacement = (form == Form.ADJECTIVE) ? term.adjective() : term.people();
				if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
					replacement = replacement.toUpperCase(Locale.ROOT);
				}
			}
			word.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		word.appendTail(out);
		return out.toString();
	}
}
