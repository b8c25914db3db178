package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluations that can see whether the model generalises: the training data is split into groups, and for each group
 * a model is trained on everything else (with its {@link Counterfactuals counterfactual copies}) and scored on the group
 * it never saw. The shipped evaluation set was composed from the same kind of pieces as training, so a model that
 * remembers does well on it; a whole topic or a whole register left out cannot be remembered.
 * <ul>
 * <li><b>Topics</b>: the rows of {@code moderation/topics/<topic>.csv} belong to that topic (their ids are
 * {@code <topic>-NNNN}). The older rows of {@code training.csv} are sorted into the same topics by keyword rules over
 * the text ({@link #topic(LabelledComment)}), the first rule that matches wins, so that holding out a topic holds out
 * all of it; those no rule matches are always trained on.</li>
 * <li><b>Registers</b>: ALL CAPS, long comments (250 characters or more), casual text (all lower case, no sentence
 * punctuation).</li>
 * </ul>
 */
public final class Generalisation {

	/** Topic rules, in the order they are tried. */
	private static final Map<String, Pattern> TOPICS = topics();

	/** The categories {@link GroupResult} counts apart: personal attacks, identity attacks, threats. */
	private static final Label[] CATEGORIES = { Label.INSULT, Label.IDENTITY_HATE, Label.THREAT };

	private Generalisation() {
	}

	private static Map<String, Pattern> topics() {
		Map<String, Pattern> topics = new LinkedHashMap<>();
		// Keyed by the topic file each rule's rows belong with; "river-and-dam" is the demo's own story and has none.
		topics.put("sport", words("match|goal|goals|club|coach|stadium|league|football|team|referee|striker|season"
				+ "|fans|player|players|cup"));
		topics.put("river-and-dam", words("veran|mezrin|dam|river|reservoir|sarekh|flow|flows|water|drought|halvet"));
		topics.put("history-and-memory", words("war|wars|1915|1991|1992|1993|1994|genocide|massacre|atrocities|army"
				+ "|nazis|soldiers|shelled|ceasefire|militia|troops|occupation|bombing|killed|holocaust"));
		topics.put("migration", words("refugee|refugees|migrant|migrants|immigrants|immigration|asylum|border"
				+ "|borders|deport|deported"));
		topics.put("faith", words("church|mosque|synagogue|muslim|muslims|christian|christians|jews|jewish"
				+ "|religion|faith|god|islam|priest|imam|rabbi"));
		topics.put("elections", words("election|elections|vote|voters|minister|velasq|oduz|parliament|government"
				+ "|president|party|mayor|council|ministry|pm|referendum"));
		topics.put("economy-and-work", words("price|prices|tax|taxes|pension|pensions|economy|inflation|climate"
				+ "|budget|bank|banks|jobs|wages|rent|carbon|emissions"));
		topics.put("media-and-the-paper", words("article|editor|editors|paper|journalist|journalism|author"
				+ "|piece|headline|writer|comments|moderators|propaganda"));
		return topics;
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
	}

	/** A topic file's row id: the topic, a hyphen, a number. */
	private static final Pattern TOPIC_ROW = Pattern.compile("([a-z]+(?:-[a-z]+)*)-\\d+");

	/** The row's topic file, or else the first topic whose rule matches its text, or {@code null}. */
	static String topic(LabelledComment row) {
		Matcher id = TOPIC_ROW.matcher(row.id());
		return id.matches() ? id.group(1) : topic(row.text());
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

	/**
	 * How the rows of one group fared with a model that never saw the group: all toxic rows, and those labelled
	 * insult (personal attacks), identity_hate (identity attacks) and threat, each held if any label reached its
	 * threshold; the civil rows held. A row with several labels counts in each of its categories.
	 */
	public record GroupResult(String group, int rows, int toxic, int toxicHeld, int civil, int civilHeld, int insult,
			int insultHeld, int identity, int identityHeld, int threat, int threatHeld) {

		public GroupResult(String group, int rows, int toxic, int toxicHeld, int civil, int civilHeld) {
			this(group, rows, toxic, toxicHeld, civil, civilHeld, 0, 0, 0, 0, 0, 0);
		}

		public double insultHeldShare() {
			return (double) this.insultHeld / Math.max(1, this.insult);
		}

		public double identityHeldShare() {
			return (double) this.identityHeld / Math.max(1, this.identity);
		}

		public double threatHeldShare() {
			return (double) this.threatHeld / Math.max(1, this.threat);
		}

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
		return heldOut(training, row -> topic(row), row -> topic(row), options, counterfactuals, thresholds, spamIds);
	}

	/** Only these topics, each scored by a model trained without it: a quicker look while trying options. */
	static List<GroupResult> byTopicOnly(List<LabelledComment> training, TrainingOptions options,
			boolean counterfactuals, Thresholds thresholds, Set<String> spamIds, Collection<String> topics) {
		Function<LabelledComment, String> grouping = row -> topic(row);
		return heldOut(training, row -> topics.contains(grouping.apply(row)) ? grouping.apply(row) : null,
				grouping, options, counterfactuals, thresholds, spamIds);
	}

	/** Each register scored by a model trained without it; see {@link #byTopic}. */
	public static List<GroupResult> byRegister(List<LabelledComment> training, TrainingOptions options,
			boolean counterfactuals, Thresholds thresholds, Set<String> spamIds) {
		return heldOut(training, row -> register(row.text()), row -> register(row.text()), options, counterfactuals,
				thresholds, spamIds);
	}

	/** Sums of the groups' counts, called {@code name}. */
	public static GroupResult total(String name, List<GroupResult> groups) {
		int[] sums = new int[11];
		for (GroupResult group : groups) {
			int[] counts = { group.rows(), group.toxic(), group.toxicHeld(), group.civil(), group.civilHeld(),
					group.insult(), group.insultHeld(), group.identity(), group.identityHeld(), group.threat(),
					group.threatHeld() };
			for (int k = 0; k < sums.length; k++) {
				sums[k] += counts[k];
			}
		}
		return new GroupResult(name, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
				sums[8], sums[9], sums[10]);
	}

	/**
	 * @param scored the group of each row that is held out and scored, or {@code null}
	 * @param grouping the group of each row, for leaving a held-out group's rows out of training
	 */
	private static List<GroupResult> heldOut(List<LabelledComment> rows, Function<LabelledComment, String> scored,
			Function<LabelledComment, String> grouping, TrainingOptions options, boolean counterfactuals,
			Thresholds thresholds, Set<String> spamIds) {
		Map<String, List<LabelledComment>> groups = new LinkedHashMap<>();
		for (LabelledComment row : rows) {
			String group = scored.apply(row);
			if (group != null) {
				groups.computeIfAbsent(group, key -> new ArrayList<>()).add(row);
			}
		}
		// One training per group, as many at once as there are cores; each is seeded, so the figures do not depend
		// on the order they finish in.
		ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
		try {
			return pool.submit(() -> groups.entrySet()
				.parallelStream()
				.map(group -> scoreHeldOut(rows, group.getKey(), group.getValue(), grouping, options,
						counterfactuals, thresholds, spamIds))
				.toList()).join();
		}
		finally {
			pool.shutdown();
		}
	}

	/** Trains without the group {@code name} and scores its rows. */
	private static GroupResult scoreHeldOut(List<LabelledComment> rows, String name, List<LabelledComment> group,
			Function<LabelledComment, String> grouping, TrainingOptions options, boolean counterfactuals,
			Thresholds thresholds, Set<String> spamIds) {
		List<LabelledComment> examples = new ArrayList<>(rows.stream()
			.filter(row -> !name.equals(grouping.apply(row)))
			.toList());
		if (counterfactuals) {
			examples.addAll(Counterfactuals.of(List.copyOf(examples)));
		}
		Model model = Trainer.train(examples, options);
		int[] counts = new int[10];
		for (LabelledComment row : group) {
			if (row.isCivil() && spamIds.contains(row.id())) {
				continue;
			}
			int held = thresholds.holds(model.score(row.text())) ? 1 : 0;
			int base = row.isCivil() ? 2 : 0;
			counts[base]++;
			counts[base + 1] += held;
			for (int category = 0; category < CATEGORIES.length; category++) {
				if (row.has(CATEGORIES[category])) {
					counts[4 + 2 * category]++;
					counts[5 + 2 * category] += held;
				}
			}
		}
		return new GroupResult(name, group.size(), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
				counts[6], counts[7], counts[8], counts[9]);
	}
}
