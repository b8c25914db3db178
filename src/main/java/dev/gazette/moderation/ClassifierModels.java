package dev.gazette.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.classifier.LabelledComment;
import dev.gazette.moderation.classifier.Model;
import dev.gazette.moderation.classifier.ModelCodec;
import dev.gazette.moderation.classifier.Scores;
import dev.gazette.moderation.classifier.ThresholdTuning;
import dev.gazette.moderation.classifier.Thresholds;
import dev.gazette.moderation.classifier.Trainer;
import dev.gazette.moderation.classifier.TrainingOptions;
import dev.gazette.moderation.classifier.TuneThresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classifier's models: versioned, persisted in the database (table {@code moderation_model}), shared by every
 * node. The first start trains version 1 from the labelled comments shipped with Gazette; moderators' decisions are
 * kept as training examples and, every {@code gazette.moderation.retrain-after} decisions, a new version is trained
 * from the shipped data plus this site's decisions. Nodes look for a newer version once a minute.
 * <p>
 * A version trained on more than the shipped data gets hold thresholds of its own, tuned by 5-fold
 * cross-validation on what it was trained on with the same civil budget as the shipped defaults
 * ({@link TuneThresholds#CIVIL_BUDGET}); they are stored with the model. Admins retrain from scratch, optionally
 * with a labelled file of their own, on {@code /admin/moderation/model} or with {@code POST /api/v1/moderation/model}.
 */
@Service
public class ClassifierModels {

	private static final Logger log = LoggerFactory.getLogger(ClassifierModels.class);

	static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

	private record Loaded(Model model, long version, Thresholds thresholds, Instant checkedAt) {
	}

	/** One trained version, as the admin page lists it. */
	public record Version(long version, Instant createdAt, int trainedRows, String description, Thresholds thresholds) {
	}

	static final int TUNING_FOLDS = 5;

	private final JdbcClient jdbc;

	private final ModerationProperties properties;

	private final Clock clock;

	private final AtomicReference<Loaded> current = new AtomicReference<>();

	ClassifierModels(JdbcClient jdbc, ModerationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Loads the newest version, or trains the first one, as soon as the application is up, so that the first reader
	 * to comment after a start does not wait for it.
	 */
	@Async
	@EventListener(ApplicationReadyEvent.class)
	public void warmUp() {
		loaded();
	}

	public Scores score(String text) {
		return loaded().model().score(text);
	}

	/**
	 * The labels whose score is over their hold threshold. The umbrella label “toxic” alone does not hold: it also
	 * rises on harsh but civil criticism, and every kind of comment the product must hold has a label of its own.
	 */
	public Set<Label> held(Scores scores) {
		Set<Label> held = EnumSet.noneOf(Label.class);
		held.addAll(loaded().thresholds().exceeded(scores));
		held.remove(Label.TOXIC);
		return held;
	}

	public long version() {
		return loaded().version();
	}

	/** Keeps a moderator's decision as a training example; retrains when enough have gathered. */
	@Transactional
	public void learn(long commentId, String body, Set<Label> labels) {
		if (body == null || body.isBlank()) {
			return;
		}
		String labelText = labels.stream().map(Label::column).sorted().collect(Collectors.joining(","));
		jdbc.sql("delete from moderation_feedback where comment_id = :id").param("id", commentId).update();
		jdbc.sql("insert into moderation_feedback (comment_id, body, labels, decided_at) values (:id, :body, :labels, :at)")
			.param("id", commentId)
			.param("body", body)
			.param("labels", labelText)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** How many decisions were kept since the current model was trained. */
	@Transactional(readOnly = true)
	public long decisionsSinceTraining() {
		Instant trained = jdbc.sql("select max(created_at) from moderation_model")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
			.optional()
			.map(java.time.OffsetDateTime::toInstant)
			.orElse(Instant.EPOCH);
		return jdbc.sql("select count(*) from moderation_feedback where decided_at > :at")
			.param("at", trained.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** Retrains in the background when enough new decisions have gathered. */
	@Async
	public void retrainIfDue() {
		if (decisionsSinceTraining() >= properties.retrainAfter()) {
			retrain("after " + properties.retrainAfter() + " moderator decisions");
		}
	}

	/**
	 * Trains a new version from scratch: the shipped data, any extra examples, and every kept decision; with more
	 * than the shipped data, its thresholds are tuned too (several training runs: seconds for thousands of
	 * examples, minutes for a large file).
	 */
	@Transactional
	public synchronized long retrain(String why, List<LabelledComment> extra) {
		List<LabelledComment> examples = new ArrayList<>(Trainer.shippedData());
		int shipped = examples.size();
		examples.addAll(extra);
		examples.addAll(feedback());
		Model model = Trainer.train(examples, TrainingOptions.defaults());
		boolean shippedOnly = examples.size() == shipped;
		Thresholds thresholds = shippedOnly ? Thresholds.defaults()
				: ThresholdTuning.tune(examples, TrainingOptions.defaults(), TUNING_FOLDS, 1,
						TuneThresholds.CIVIL_BUDGET).thresholds();
		long version = jdbc.sql("select coalesce(max(version), 0) + 1 from moderation_model").query(Long.class).single();
		jdbc.sql("""
				insert into moderation_model (version, created_at, trained_rows, description, model, thresholds)
				values (:version, :at, :rows, :description, :model, :thresholds)""")
			.param("version", version)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("rows", examples.size())
			.param("description", why.length() > 300 ? why.substring(0, 300) : why)
			.param("model", ModelCodec.encode(model))
			.param("thresholds", shippedOnly ? null : format(thresholds))
			.update();
		current.set(new Loaded(model, version, thresholds, clock.instant()));
		log.info("Trained moderation model version {} on {} examples ({}); thresholds {}", version, examples.size(),
				why, format(thresholds));
		return version;
	}

	/**
	 * Retrains on another thread and returns at once: what the admin page and the API start, since a large file
	 * takes minutes. A failure is logged; the current version stays in use.
	 */
	@Async
	public void retrainInBackground(String why, List<LabelledComment> extra) {
		try {
			retrain(why, extra);
		}
		catch (RuntimeException ex) {
			log.error("Retraining the moderation model failed ({}); the current version stays in use", why, ex);
		}
	}

	/** Every trained version, newest first. */
	@Transactional(readOnly = true)
	public List<Version> versions() {
		return jdbc.sql("""
				select version, created_at, trained_rows, description, thresholds
				from moderation_model order by version desc""")
			.query((rs, n) -> new Version(rs.getLong("version"),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("trained_rows"),
					rs.getString("description"), parse(rs.getString("thresholds"))))
			.list();
	}

	/** The thresholds the current version holds at. */
	public Thresholds thresholds() {
		return loaded().thresholds();
	}

	static String format(Thresholds t) {
		return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", t.toxic(), t.severeToxic(), t.obscene(),
				t.threat(), t.insult(), t.identityHate());
	}

	static Thresholds parse(String stored) {
		if (stored == null || stored.isBlank()) {
			return Thresholds.defaults();
		}
		double[] v = Arrays.stream(stored.split(",")).mapToDouble(Double::parseDouble).toArray();
		return new Thresholds(v[0], v[1], v[2], v[3], v[4], v[5]);
	}

	public long retrain(String why) {
		return retrain(why, List.of());
	}

	private Loaded loaded() {
		Loaded loaded = current.get();
		if (loaded == null || loaded.checkedAt().plus(REFRESH_EVERY).isBefore(clock.instant())) {
			loaded = refresh(loaded);
		}
		return loaded;
	}

	private synchronized Loaded refresh(Loaded known) {
		Loaded latest = current.get();
		if (latest != known) {
			return latest;
		}
		Long newest = jdbc.sql("select max(version) from moderation_model").query(Long.class).optional().orElse(null);
		if (newest == null) {
			retrain("first start: the labelled comments shipped with Gazette");
			return current.get();
		}
		if (known != null && known.version() == newest) {
			Loaded checked = new Loaded(known.model(), known.version(), known.thresholds(), clock.instant());
			current.set(checked);
			return checked;
		}
		Loaded fresh = jdbc.sql("select model, thresholds from moderation_model where version = :version")
			.param("version", newest)
			.query((rs, n) -> new Loaded(ModelCodec.decode(rs.getBytes("model")), newest,
					parse(rs.getString("thresholds")), clock.instant()))
			.single();
		current.set(fresh);
		return fresh;
	}

	private List<LabelledComment> feedback() {
		return jdbc.sql("select comment_id, body, labels from moderation_feedback order by comment_id")
			.query((rs, n) -> {
				String labels = rs.getString("labels");
				Set<Label> set = labels == null || labels.isBlank() ? EnumSet.noneOf(Label.class)
						: Arrays.stream(labels.split(",")).map(l -> Label.fromColumn(l.toLowerCase(Locale.ROOT)))
							.collect(Collectors.toCollection(() -> EnumSet.noneOf(Label.class)));
				return LabelledComment.withLabels("site-" + rs.getLong("comment_id"), rs.getString("body"), set);
			})
			.list();
	}
}
