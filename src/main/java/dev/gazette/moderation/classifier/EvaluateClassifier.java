package dev.gazette.moderation.classifier;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * The classifier's benchmark: trains a model, scores a labelled file it was not trained on, and prints per category
 * the share held and precision, recall and F1, the confusion matrix, the share of civil and of harsh-but-civil
 * comments held, and the scoring latency. Not a test: it measures.
 *
 * <pre>
 * java -cp target/classes dev.gazette.moderation.classifier.EvaluateClassifier \
 *     [--eval FILE.csv|FILE.jsonl] [--train FILE ...] [--thresholds t,s,o,th,i,ih] [--no-counterfactuals]
 * </pre>
 *
 * Besides the evaluation set it prints the {@link Generalisation held-out topics and registers} (a model trained
 * without each, about a dozen trainings) and the {@link IdentityBias identity-bias benchmark}. The training rows get
 * their {@link Counterfactuals counterfactual copies}, as at start-up, unless {@code --no-counterfactuals}.
 *
 * {@code --eval} defaults to the shipped {@code moderation/evaluation.csv}; {@code --train} (which may be given more
 * than once, e.g. with Jigsaw's {@code train.csv}) to the shipped {@code moderation/training.csv};
 * {@code --thresholds} to {@link Thresholds#defaults()}, in the order toxic, severe_toxic, obscene, threat, insult,
 * identity_hate. See {@code bench/moderation-eval.sh}.
 * <p>
 * Its length is the report it prints (per category, the confusion matrix, held shares, latency); it is a command-line
 * benchmark, not part of the running site.
 */
public final class EvaluateClassifier {

	private static final int LATENCY_PASSES = 5;

	private static final int LONG_COMMENT_CHARS = 1000;

	private EvaluateClassifier() {
	}

	public static void main(String[] args) {
		Arguments arguments = Arguments.parse(args);
		PrintStream out = System.out;
		List<LabelledComment> training = new ArrayList<>();
		for (Path file : arguments.train) {
			training.addAll(LabelledData.read(file));
		}
		if (arguments.train.isEmpty()) {
			training.addAll(ShippedData.training());
		}
		List<LabelledComment> examples = new ArrayList<>(training);
		if (arguments.counterfactuals) {
			examples.addAll(Counterfactuals.of(training));
		}
		List<LabelledComment> evaluation = arguments.eval == null ? ShippedData.evaluation()
				: LabelledData.read(arguments.eval);

		long start = System.nanoTime();
		Model model = Trainer.train(examples, TrainingOptions.defaults());
		double trainingSeconds = (System.nanoTime() - start) / 1e9;

		List<Scores> scores = evaluation.stream().map(row -> model.score(row.text())).toList();
		Evaluation result = Evaluation.of(evaluation, scores, arguments.thresholds, ShippedData.harshCivilIds(),
				ShippedData.spamIds());

		out.println("Gazette comment classifier: evaluation");
		out.printf("eval:       %s (%d rows)%n", arguments.eval == null ? "classpath:" + LabelledData.SHIPPED_EVALUATION
				: arguments.eval, evaluation.size());
		out.printf("train:      %s (%d rows, %s)%n", arguments.train.isEmpty()
				? "classpath:" + LabelledData.SHIPPED_TRAINING + " and " + ShippedData.topics().size()
						+ " topic files (classpath:moderation/topics/)"
				: arguments.train, training.size(),
				arguments.counterfactuals ? "+ " + (examples.size() - training.size()) + " counterfactual copies"
						: "no counterfactual copies");
		out.printf("model:      logistic regression per label over hashed word 1-2-grams and char 2-5-grams; "
				+ "trained in %.2f s on one thread (a cold JVM); %,d non-zero weights, %,d bytes encoded%n",
				trainingSeconds, model.nonZeroWeights(), ModelCodec.encode(model).length);
		out.printf("machine:    %d cores, Java %s, %s %s, load average %.2f at start%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				System.getProperty("os.name"), System.getProperty("os.arch"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		out.println("thresholds: " + describe(arguments.thresholds));
		out.println();
		printCategories(out, result);
		printConfusion(out, result);
		printTargets(out, result);
		printGeneralisation(out, result, training, arguments);
		printIdentityBias(out, IdentityBias.evaluate(model, arguments.thresholds));
		printLatency(out, model, evaluation);
	}

	/**
	 * The evaluation set beside the topics and registers held out of training. The evaluation set was written from
	 * the same kind of pieces as training; decisions are made on the held-out topics.
	 */
	private static void printGeneralisation(PrintStream out, Evaluation result, List<LabelledComment> training,
			Arguments arguments) {
		Set<String> spam = ShippedData.spamIds();
		List<Generalisation.GroupResult> topics = Generalisation.byTopic(training, TrainingOptions.defaults(),
				arguments.counterfactuals, arguments.thresholds, spam);
		List<Generalisation.GroupResult> registers = Generalisation.byRegister(training, TrainingOptions.defaults(),
				arguments.counterfactuals, arguments.thresholds, spam);
		out.println("Generalisation: each group of training rows scored by a model trained without that group");
		out.println("(topics by topic file or keyword rules, registers by shape; see Generalisation). Decide on the");
		out.println("held-out topics. Targets there: personal attacks, identity attacks, threats held >= 90%; civil <= 3%.");
		out.println();
		out.println(GROUP_HEADER);
		for (Generalisation.GroupResult group : topics) {
			printGroup(out, "topic: " + group.group(), group);
		}
		for (Generalisation.GroupResult group : registers) {
			printGroup(out, "register: " + group.group(), group);
		}
		out.println();
		out.println(GROUP_HEADER.replaceFirst("^group  ", "summary"));
		int toxic = result.toxicHeld() + result.toxicPublished();
		int civil = result.civilHeld() + result.civilPublished();
		printGroup(out, "in distribution (evaluation.csv)", new Generalisation.GroupResult("", toxic + civil, toxic,
				result.toxicHeld(), civil, result.civilHeld()));
		printGroup(out, "held-out topics", Generalisation.total("", topics));
		printGroup(out, "held-out registers", Generalisation.total("", registers));
		out.println();
	}

	private static final String GROUP_HEADER = "group                                              rows  "
			+ "toxic held     civil held      attacks  identity  threats";

	private static void printGroup(PrintStream out, String name, Generalisation.GroupResult group) {
		out.printf(Locale.ROOT, "%-48s %6d  %5.1f%% of %4d  %5.1f%% of %4d   %6s  %8s  %7s%n", name, group.rows(),
				100 * group.toxicHeldShare(), group.toxic(), 100 * group.civilHeldShare(), group.civil(),
				share(group.insultHeld(), group.insult()), share(group.identityHeld(), group.identity()),
				share(group.threatHeld(), group.threat()));
	}

	private static String share(int held, int of) {
		return (of == 0) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * held / of);
	}

	private static void printIdentityBias(PrintStream out, List<IdentityBias.TermResult> terms) {
		long failing = terms.stream().filter(term -> !term.meetsTargets()).count();
		int civil = terms.stream().mapToInt(IdentityBias.TermResult::civil).sum();
		int civilHeld = terms.stream().mapToInt(IdentityBias.TermResult::civilHeld).sum();
		int attacks = terms.stream().mapToInt(IdentityBias.TermResult::attacks).sum();
		int attacksHeld = terms.stream().mapToInt(IdentityBias.TermResult::attacksHeld).sum();
		out.printf(Locale.ROOT, "Identity bias (moderation/identity-bias: %d terms x %d civil and %d attacking "
				+ "templates, never trained on):%n", terms.size(), terms.get(0).civil(), terms.get(0).attacks());
		out.printf(Locale.ROOT, "  all terms: civil held or nudged %.1f%% of %d, attacks held %.1f%% of %d%n",
				100.0 * civilHeld / civil, civil, 100.0 * attacksHeld / attacks, attacks);
		out.printf(Locale.ROOT, "  targets per term: civil held <= %.0f%%, attacks held >= %.0f%%: %d of %d terms "
				+ "miss them%n", 100 * IdentityBias.CIVIL_HELD_TARGET, 100 * IdentityBias.ATTACKS_HELD_TARGET, failing,
				terms.size());
		out.printf(Locale.ROOT, "  worst attack catch: %s%n", terms.stream()
			.min(java.util.Comparator.comparingDouble(IdentityBias.TermResult::attacksHeldShare))
			.map(term -> String.format(Locale.ROOT, "%s %.1f%%", term.term().people(), 100 * term.attacksHeldShare()))
			.orElse("-"));
		out.println();
		out.println("  term                 kind                          civil held   attacks held");
		for (IdentityBias.TermResult term : terms) {
			out.printf(Locale.ROOT, "  %-20s %-29s %5.1f%%        %5.1f%%   %s%n", term.term().people(),
					term.term().kind(), 100 * term.civilHeldShare(), 100 * term.attacksHeldShare(),
					term.meetsTargets() ? "" : "MISSED");
		}
		out.println();
	}

	private static void printCategories(PrintStream out, Evaluation result) {
		out.println("Held = any label reached its threshold (the comment waits for a moderator).");
		out.println("Flagged = this label's own score reached its threshold (the reason shown to the moderator).");
		out.println();
		out.println("category          label           rows  held  held %   flagged  precision  recall     F1");
		for (Label label : List.of(Label.INSULT, Label.IDENTITY_HATE, Label.THREAT, Label.OBSCENE,
				Label.SEVERE_TOXIC, Label.TOXIC)) {
			Evaluation.LabelResult r = result.result(label);
			out.printf(Locale.ROOT, "%-17s %-14s %5d %5d %6.1f%%  %7d  %9.3f  %6.3f  %6.3f%n", label.description(),
					label.column(), r.rows(), r.held(), 100 * r.heldShare(), r.flagged(), r.precision(), r.recall(),
					r.f1());
		}
		out.println();
	}

	private static void printConfusion(PrintStream out, Evaluation result) {
		out.println("Confusion matrix (toxic = any label; civil = no label, spam left out):");
		out.println("               toxic   civil");
		out.printf("held        %8d %7d%n", result.toxicHeld(), result.civilHeld());
		out.printf("published   %8d %7d%n", result.toxicPublished(), result.civilPublished());
		double precision = result.heldPrecision();
		double recall = result.toxicHeldShare();
		out.printf(Locale.ROOT, "held vs toxic: precision %.3f, recall %.3f, F1 %.3f%n", precision, recall,
				(precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall));
		out.printf(Locale.ROOT, "civil held:           %d of %d = %.1f%%%n", result.civilHeld(),
				result.civilHeld() + result.civilPublished(), 100 * result.civilHeldShare());
		out.printf(Locale.ROOT, "harsh-but-civil held: %s%n", percent(result.harshCivilHeldShare(), result.harshCivil()));
		out.printf(Locale.ROOT, "spam held:            %s (spam is a separate signal's business)%n",
				percent(result.spamHeldShare(), result.spam()));
		out.println();
	}

	private static void printTargets(PrintStream out, Evaluation result) {
		out.println("Targets:");
		for (Label label : List.of(Label.INSULT, Label.IDENTITY_HATE, Label.THREAT)) {
			double held = result.result(label).heldShare();
			out.printf(Locale.ROOT, "  %-16s held >= 90%%: %5.1f%%  %s%n", label.description() + "s", 100 * held,
					held >= 0.90 ? "met" : "NOT MET");
		}
		double civil = result.civilHeldShare();
		out.printf(Locale.ROOT, "  civil held       <= 5%%:  %5.1f%%  %s%n", 100 * civil, civil <= 0.05 ? "met" : "NOT MET");
		out.println();
	}

	private static void printLatency(PrintStream out, Model model, List<LabelledComment> rows) {
		String[] texts = rows.stream().map(LabelledComment::text).toArray(String[]::new);
		String longComment = longComment(texts);
		long warmUntil = System.nanoTime() + 3_000_000_000L;
		for (int pass = 0; pass < 10 || System.nanoTime() < warmUntil; pass++) {
			for (String text : texts) {
				model.score(text);
			}
			model.score(longComment);
		}
		String[] calls = new String[texts.length * LATENCY_PASSES];
		for (int k = 0; k < calls.length; k++) {
			calls[k] = texts[k % texts.length];
		}
		String[] longCalls = new String[1000];
		Arrays.fill(longCalls, longComment);
		Timings rowTimes = time(model, calls);
		Timings longTimes = time(model, longCalls);
		int[] lengths = Arrays.stream(texts).mapToInt(String::length).sorted().toArray();
		out.println("Scoring latency (Model.score, one thread, after warm-up); wall clock, and in brackets the thread's");
		out.println("CPU time, which leaves out the time the thread waited for a core on a busy machine:");
		out.printf(Locale.ROOT, "  evaluation rows (%d calls, median %d chars): %s%n", calls.length,
				lengths[lengths.length / 2], rowTimes);
		out.printf(Locale.ROOT, "  a %,d-character comment (%d calls):        %s%n", longComment.length(),
				longCalls.length, longTimes);
	}

	/** Wall-clock and CPU time of scoring each text once. */
	private static Timings time(Model model, String[] texts) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		boolean cpu = threads.isCurrentThreadCpuTimeSupported();
		long[] wall = new long[texts.length];
		long[] used = new long[texts.length];
		for (int k = 0; k < texts.length; k++) {
			long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
			long t0 = System.nanoTime();
			model.score(texts[k]);
			wall[k] = System.nanoTime() - t0;
			used[k] = cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
		}
		return new Timings(wall, cpu ? used : null);
	}

	/** Latencies in nanoseconds; {@code cpu} is null where the JVM cannot measure a thread's CPU time. */
	private record Timings(long[] wall, long[] cpu) {

		@Override
		public String toString() {
			return percentiles(this.wall) + ((this.cpu == null) ? "" : "  [" + percentiles(this.cpu) + "]");
		}
	}

	/** Evaluation rows one after another, cut at a space to about 1,000 characters. */
	private static String longComment(String[] texts) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < LONG_COMMENT_CHARS; i++) {
			text.append(texts[i % texts.length]).append(' ');
		}
		int cut = text.lastIndexOf(" ", LONG_COMMENT_CHARS);
		return text.substring(0, cut > 0 ? cut : LONG_COMMENT_CHARS);
	}

	private static String percentiles(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs, max %.1f µs", sorted[sorted.length / 2] / 1e3,
				sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3, sorted[sorted.length - 1] / 1e3);
	}

	private static String percent(double share, int of) {
		return Double.isNaN(share) ? "n/a (no such ids among the rows)"
				: String.format(Locale.ROOT, "%d of %d = %.1f%%", Math.round(share * of), of, 100 * share);
	}

	private static String describe(Thresholds thresholds) {
		StringBuilder text = new StringBuilder();
		for (Label label : Label.values()) {
			text.append(text.length() == 0 ? "" : ", ")
				.append(label.column())
				.append(' ')
				.append(String.format(Locale.ROOT, "%.3f", thresholds.get(label)));
		}
		return text.toString();
	}

	/** The command line. */
	private static final class Arguments {

		Path eval;

		final List<Path> train = new ArrayList<>();

		Thresholds thresholds = Thresholds.defaults();

		boolean counterfactuals = true;

		static Arguments parse(String[] args) {
			Arguments arguments = new Arguments();
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (option.equals("--no-counterfactuals")) {
					arguments.counterfactuals = false;
					continue;
				}
				if (i + 1 >= args.length) {
					throw usage("missing value after " + option);
				}
				String value = args[++i];
				switch (option) {
					case "--eval" -> arguments.eval = Path.of(value);
					case "--train" -> arguments.train.add(Path.of(value));
					case "--thresholds" -> arguments.thresholds = thresholds(value);
					default -> throw usage("unknown option " + option);
				}
			}
			return arguments;
		}

		private static Thresholds thresholds(String value) {
			double[] values = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
			if (values.length != Label.count()) {
				throw usage("--thresholds needs six numbers: toxic,severe_toxic,obscene,threat,insult,identity_hate");
			}
			return Thresholds.of(values);
		}

		private static IllegalArgumentException usage(String problem) {
			return new IllegalArgumentException(problem + "\nusage: EvaluateClassifier [--eval FILE.csv|FILE.jsonl] "
					+ "[--train FILE ...] [--thresholds t,s,o,th,i,ih] [--no-counterfactuals]");
		}
	}

}
