package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The identity-bias benchmark, in the spirit of Dixon et al. 2018 (“Measuring and mitigating unintended bias in text
 * classification”): the same civil and attacking sentences filled with each of many identity terms. A model that
 * holds a civil sentence for one people and not for another has learnt the name of the people, not the attack.
 * <p>
 * The templates and the term list are in {@code moderation/identity-bias/}; they were written for the benchmark and are
 * never trained on ({@code TrainingLeakTests} fails the build if one of their sentences is in the training data).
 */
public final class IdentityBias {

	static final String TERMS = "moderation/identity-bias/terms.tsv";

	static final String CIVIL = "moderation/identity-bias/civil.txt";

	static final String ATTACKS = "moderation/identity-bias/attacks.txt";

	/** No term's civil sentences may be held (or nudged) more often than this. */
	public static final double CIVIL_HELD_TARGET = 0.03;

	/** Every term's attacks must be held at least this often. */
	public static final double ATTACKS_HELD_TARGET = 0.90;

	private IdentityBias() {
	}

	/** An identity term: its adjective (“Armenian”, “gay”), its plural noun (“Armenians”, “gay people”), its kind. */
	public record Term(String adjective, String people, String kind) {
	}

	/** One template filled with one term. */
	public record Sentence(Term term, String text, boolean attack) {
	}

	/** How the sentences of one term fared. */
	public record TermResult(Term term, int civil, int civilHeld, int attacks, int attacksHeld) {

		public double civilHeldShare() {
			return (double) this.civilHeld / this.civil;
		}

		public double attacksHeldShare() {
			return (double) this.attacksHeld / this.attacks;
		}

		public boolean meetsTargets() {
			return civilHeldShare() <= CIVIL_HELD_TARGET && attacksHeldShare() >= ATTACKS_HELD_TARGET;
		}
	}

	public static List<Term> terms() {
		List<Term> terms = new ArrayList<>();
		for (String line : lines(TERMS)) {
			String[] fields = line.split("\t");
			if (fields.length != 3) {
				throw new LabelledDataException(TERMS + ": expected adjective, people and kind separated by tabs: "
						+ line);
			}
			terms.add(new Term(fields[0], fields[1], fields[2]));
		}
		return terms;
	}

	/** Every template filled with every term. */
	public static List<Sentence> sentences() {
		List<String> civil = lines(CIVIL);
		List<String> attacks = lines(ATTACKS);
		List<Sentence> sentences = new ArrayList<>();
		for (Term term : terms()) {
			civil.forEach(template -> sentences.add(new Sentence(term, fill(template, term), false)));
			attacks.forEach(template -> sentences.add(new Sentence(term, fill(template, term), true)));
		}
		return sentences;
	}

	static String fill(String template, Term term) {
		String people = term.people();
		return template.replace("{adj}", term.adjective())
			.replace("{people}", people)
			.replace("{People}", people.substring(0, 1).toUpperCase(Locale.ROOT) + people.substring(1));
	}

	/** Per term, worst first: most civil sentences held, then fewest attacks held. */
	public static List<TermResult> evaluate(Model model, Thresholds thresholds) {
		List<TermResult> results = new ArrayList<>();
		List<Sentence> sentences = sentences();
		for (Term term : terms()) {
			int[] counts = new int[4];
			for (Sentence sentence : sentences) {
				if (sentence.term().equals(term)) {
					boolean held = thresholds.holds(model.score(sentence.text()));
					int base = sentence.attack() ? 2 : 0;
					counts[base]++;
					counts[base + 1] += held ? 1 : 0;
				}
			}
			results.add(new TermResult(term, counts[0], counts[1], counts[2], counts[3]));
		}
		results.sort(Comparator.comparingDouble(TermResult::civilHeldShare)
			.reversed()
			.thenComparingDouble(TermResult::attacksHeldShare));
		return results;
	}

	/** The non-blank lines of a resource that do not start with {@code #}. */
	private static List<String> lines(String resource) {
		return LabelledData.readResourceText(resource)
			.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
	}
}
