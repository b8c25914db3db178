package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluations that can see whether the model generalises: the training data is split into groups, and for each group
 * a model is trained on everything else (with its {@link Counterfactuals counterfactual copies}) and scored on the group
 * it never saw. The shipped evaluation set was composed from the same kind of pieces as training, so a model that
 * remembers does well on it; a whole topic or a whole register left out cannot be remembered.
 * <ul>
 * <li><b>Topics</b> are told apart by keyword rules over the text ({@link #topic(String)}), the first rule that
 * matches wins; comments no rule matches are always trained on.</li>
 * <li><b>Registers</b>: ALL CAPS, long comments (250 characters or more), casual text (all lower case, no sentence
 * punctuation).</li>
 * </ul>
 */
public final class Generalisation {

	/** Topic rules, in the order they are tried. */
	private static final Map<String, Pattern> TOPICS = topics();

	private Generalisation() {
	}

	private static Map<String, Pattern> topics() {
		Map<String, Pattern> topics = new LinkedHashMap<>();
		topics.put("sport", words("match|goal|goals|club|coach|stadium|league|football|team|referee|striker|season"
				+ "|fans|player|players|cup"));
		topics.put("river and dam", words("veran|mezrin|dam|river|reservoir|sarekh|flow|flows|water|drought|halvet"));
		topics.put("war and history", words("war|wars|1915|1991|1992|1993|1994|genocide|massacre|atrocities|army"
				+ "|nazis|soldiers|shelled|ceasefire|militia|troops|occupation|bombing|killed|holocaust"));
		topics.put("migration", words("refugee|refugees|migrant|migrants|immigrants|immigration|asylum|border"
				+ "|borders|deport|deported"));
		topics.put("religion", words("church|mosque|synagogue|muslim|muslims|christian|christians|jews|jewish"
				+ "|religion|faith|god|islam|priest|imam|rabbi"));
		topics.put("politics", words("election|elections|vote|voters|minister|velasq|oduz|parliament|government"
				+ "|president|party|mayor|council|ministry|pm|referendum"));
		topics.put("economy and climate", words("price|prices|tax|taxes|pension|pensions|economy|inflation|climate"
				+ "|budget|bank|banks|jobs|wages|rent|carbon|emissions"));
		topics.put("the paper and its writers", words("article|editor|editors|paper|journalist|journalism|author"
				+ "|piece|headline|writer|comments|moderators|propaganda"));
		return topics;
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
	}

	/** The first topic whose rule matches the text, or {@code null}. */
	static String topic(String text) {
		for (Map.Entry<String, Pattern> topic : TOPICS.entrySet()) {
			if (topic.getValue().matcher(text).find()) {
				return topic.getKey();
			}
		}
		return null;
	}

	/** The register the text is written in, or {@code null} for ordinary prose. */
	static String register(String text) {
		long letters = text.codePoints().filter(Character::isLetter).count();
		long upper = text.codePoints().filter(Character::isUpperCase).count();
		if (letters >= 8 && upper >= 0.8 * letters) {
			return "ALL CAPS";
		}
		if (text.length() >= 250) {
			return "long (250+ characters)";
		}
		if (letters >= 15 && upper == 0 && !Pattern.compile("[.?!]").matcher(text).find()) {
			return "casual (lower case, no punctuation)";
		}
		return null;
	}

	/** How the rows of one group fared with a model that never saw the group. */
	public record GroupResult(String group, int rows, int toxic, int toxicHeld, int civil, int civilHeld) {

		public double toxicHeldShare() {
			return (double) this.toxicHeld / Math.max(1, this.toxic);
		}

		public double civilHeldShare() {
			return (double) this.civilHeld / Math.max(1, this.civil);
		}
	}

	/**
	 * Each topic scored by a model trained without it.
	 * @param counterfactuals whether the training rows get their {@link Counterfactuals} copies, as the shipped model's
	 * do
	 */
	public static List<GroupResult> byTopic(List<LabelledComment> training, TrainingOptions options,
			boolean counterfactuals, Thresholds thresholds, Set<String> spamIds) {
		return heldOut(training, Generalisation::topic, options, counterfactuals, thresholds, spamIds);
	}

	/** Each register scored by a model trained without it; see {@link #byTopic}. */
	public static List<GroupResult> byRegister(List<LabelledComment> training, TrainingOptions options,
			boolean counterfactuals, Thresholds thresholds, Set<String> spamIds) {
		return heldOut(training, Generalisation::register, options, counterfactuals, thresholds, spamIds);
	}

	/** Sums of the groups' counts, called {@code name}. */
	public static GroupResult total(String name, List<GroupResult> groups) {
		int[] sums = new int[5];
		for (GroupResult group : groups) {
			sums[0] += group.rows();
			sums[1] += group.toxic();
			sums[2] += group.toxicHeld();
			sums[3] += group.civil();
			sums[4] += group.civilHeld();
		}
		return new GroupResult(name, sums[0], sums[1], sums[2], sums[3], sums[4]);
	}

	private static List<GroupResult> heldOut(List<LabelledComment> rows, Function<String, String> grouping,
			TrainingOptions options, boolean counterfactuals, Thresholds thresholds, Set<String> spamIds) {
		Map<String, List<LabelledComment>> groups = new LinkedHashMap<>();
		for (LabelledComment row : rows) {
			String group = grouping.apply(row.text());
			if (group != null) {
				groups.computeIfAbsent(group, key -> new ArrayList<>()).add(row);
			}
		}
		List<GroupResult> results = new ArrayList<>();
		for (Map.Entry<String, List<LabelledComment>> group : groups.entrySet()) {
			List<LabelledComment> rest = rows.stream()
				.filter(row -> !group.getKey().equals(grouping.apply(row.text())))
				.toList();
			List<LabelledComment> examples = new ArrayList<>(rest);
			if (counterfactuals) {
				examples.addAll(Counterfactuals.of(rest));
			}
			Model model = Trainer.train(examples, options);
			int[] counts = new int[4];
			for (LabelledComment row : group.getValue()) {
				if (row.isCivil() && spamIds.contains(row.id())) {
					continue;
				}
				boolean held = thresholds.holds(model.score(row.text()));
				int base = row.isCivil() ? 2 : 0;
				counts[base]++;
				counts[base + 1] += held ? 1 : 0;
			}
			results.add(new GroupResult(group.getKey(), group.getValue().size(), counts[0],
					counts[1], counts[2], counts[3]));
		}
		return results;
	}
}
