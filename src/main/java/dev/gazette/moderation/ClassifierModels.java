package dev.gazette.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classifier's models: versioned, persisted in the database (table {@code moderation_model}), shared by every
 * node. The first start stores as version 1 the model trained on the labelled comments shipped with Gazette when
 * Gazette was built ({@code gazette.moderation.pretrained-model}; trained then, in the background, where a build has
 * none). Moderators' decisions are kept as training examples and, every {@code gazette.moderation.retrain-after}
 * decisions, a new version is trained from the shipped data plus this site's decisions. Nodes look for a newer
 * version once a minute.
 * <p>
 * A version trained on more than the shipped data gets hold thresholds of its own, tuned by 5-fold
 * cross-validation on what it was trained on with the same civil budget as the shipped defaults
 * ({@link TuneThresholds#CIVIL_BUDGET}); they are stored with the model. Admins retrain from scratch, optionally
 * with a labelled file of their own, on {@code /admin/moderation/model} or with {@code POST /api/v1/moderation/model}.
 * <p>
 * Scoring reads the current model from one atomic reference and never touches the database, and no lock is held
 * anywhere here: a request thread that holds a pool connection must never wait on a thread that waits for one (that
 * stalled posting for 30 s under load). Loading and training happen off the request path; the new model is swapped
 * in when it is complete, and until then readers keep the one they have.
 * <p>
 * Its length is one life cycle (the first version, scoring, learning, retraining, storing and noticing a newer version
 * elsewhere) around one atomic reference; split, the rule that nothing here takes a lock would have to be kept in
 * several places.
 */
@Service
public class ClassifierModels {

	private static final Logger log = LoggerFactory.getLogger(ClassifierModels.class);

	/** The description of a version 1 that came with the build (no training at start). */
	static final String FIRST_FROM_BUILD = "first start: the model trained on the labelled comments shipped with "
			+ "Gazette when it was built";

	/** The description of a version 1 trained at start, by a build without the pre-trained model (an IDE's). */
	static final String FIRST_TRAINED_AT_START = "first start: the labelled comments shipped with Gazette, trained at "
			+ "start (this build has no pre-trained model)";

	private record Loaded(Model model, long version, Thresholds thresholds) {
	}

	/** One trained version, as the admin page lists it. */
	public record Version(long version, Instant createdAt, int trainedRows, String description, Thresholds thresholds) {
	}

	static final int TUNING_FOLDS = 5;

	private static final int STORE_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final ModerationProperties properties;

	private final Clock clock;

	private final ResourceLoader resources;

	private final AtomicReference<Loaded> current = new AtomicReference<>();

	/** Completed with the first model this node has; only a comment screened before then waits for it. */
	private final CompletableFuture<Loaded> first = new CompletableFuture<>();

	private final AtomicBoolean loading = new AtomicBoolean();

	ClassifierModels(JdbcClient jdbc, ModerationProperties properties, Clock clock, ResourceLoader resources) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.resources = resources;
	}

	/**
	 * Loads the newest version, or stores the first one, as soon as the context is up (while the demo content loads),
	 * on a thread of its own; readiness ({@code /actuator/health/readiness}) waits for it.
	 */
	@Async
	@EventListener(ApplicationStartedEvent.class)
	public void warmUp() {
		refresh();
	}

	/** Whether this node has a model to score with: until then it is not ready for traffic. */
	public boolean ready() {
		return current.get() != null;
	}

	public Scores score(String text) {
		return loaded().model().score(text);
	}

	/**
	 * The labels whose score is over their hold threshold, the umbrella label “toxic” included: the thresholds are
	 * tuned, and the held-out figures measured, with every label able to hold ({@link Thresholds#holds}), so a
	 * comment is held here exactly when the evaluation counts it held. (Leaving “toxic” out, as this did until
	 * December 2026, let through 10 of the evaluation set's 280 toxic comments that the figures counted as held, and
	 * kept no civil one.)
	 */
	public Set<Label> held(Scores scores) {
		return loaded().thresholds().exceeded(scores);
	}

	/**
	 * What the classifier alone would hold this text for (its labels as moderators read them: "threat", "personal
	 * attack", …), or an empty list when it would publish it. For callers outside moderation, such as an import that
	 * screens what it brings in.
	 */
	public List<String> wouldHold(String text) {
		return held(score(text)).stream().map(Label::description).toList();
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
	 * examples, minutes for a large file). Holds no lock and no connection while it trains: the examples are read
	 * first, the new version is stored last, and only then does it replace the current one, at once.
	 */
	public long retrain(String why, List<LabelledComment> extra) {
		List<LabelledComment> examples = new ArrayList<>(Trainer.shippedData());
		int shipped = examples.size();
		examples.addAll(extra);
		examples.addAll(feedback());
		Model model = Trainer.train(examples, TrainingOptions.defaults());
		boolean shippedOnly = examples.size() == shipped;
		Thresholds thresholds = shippedOnly ? Thresholds.defaults()
				: ThresholdTuning.tune(examples, TrainingOptions.defaults(), TUNING_FOLDS, 1,
						TuneThresholds.CIVIL_BUDGET).thresholds();
		long version = store(model, examples.size(), why, shippedOnly ? null : thresholds);
		install(new Loaded(model, version, thresholds));
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

	/**
	 * Looks for a version newer than this node's (another node may have trained one), or stores the first one; once
	 * a minute, on the scheduler's thread. One look at a time: a look already under way is left to finish, and
	 * nobody waits for it, since everyone else keeps scoring with the current model.
	 */
	@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
	public void refresh() {
		if (!loading.compareAndSet(false, true)) {
			return;
		}
		try {
			Optional<Long> newest = newestVersion();
			if (newest.isEmpty()) {
				storeFirstVersion();
			}
			else if (current.get() == null || current.get().version() < newest.get()) {
				install(read(newest.get()));
			}
		}
		catch (RuntimeException ex) {
			log.error("Loading the moderation model failed; {}", current.get() == null
					? "trying again in a minute" : "the current version stays in use", ex);
		}
		finally {
			loading.set(false);
		}
	}

	/**
	 * The current model. Only before this node's first model (a comment posted before readiness said UP) does a
	 * caller wait, for the loader, which needs no lock the caller could hold.
	 */
	private Loaded loaded() {
		Loaded loaded = current.get();
		return loaded != null ? loaded : first.join();
	}

	/** Makes this the current model, unless a newer version is already in use. */
	private void install(Loaded fresh) {
		Loaded now = current.accumulateAndGet(fresh,
				(old, candidate) -> old == null || candidate.version() >= old.version() ? candidate : old);
		first.complete(now);
	}

	/**
	 * Version 1: the model the build trained on the shipped data or, where this build has none, one trained now.
	 * Its thresholds are the shipped defaults (stored as none), as for every version trained on the shipped data
	 * alone. Where another node stored a version 1 meanwhile, that one is used.
	 */
	private void storeFirstVersion() {
		byte[] shipped = shippedModel();
		Model model;
		byte[] encoded;
		if (shipped != null) {
			model = ModelCodec.decode(shipped);
			encoded = shipped;
		}
		else {
			log.info("No pre-trained moderation model at {}; training the first version now",
					properties.pretrainedModel());
			model = Trainer.train(Trainer.shippedData(), TrainingOptions.defaults());
			encoded = ModelCodec.encode(model);
		}
		String why = shipped != null ? FIRST_FROM_BUILD : FIRST_TRAINED_AT_START;
		int stored = jdbc.sql("""
				insert into moderation_model (version, created_at, trained_rows, description, model, thresholds)
				select 1, :at, :rows, :description, :model, null
				where not exists (select 1 from moderation_model)""")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("rows", model.trainedRows())
			.param("description", why)
			.param("model", encoded)
			.update();
		if (stored == 1) {
			install(new Loaded(model, 1, Thresholds.defaults()));
			log.info("Stored moderation model version 1 ({}, {} examples)", why, model.trainedRows());
		}
		else {
			install(read(newestVersion().orElseThrow()));
		}
	}

	/**
	 * The model the build trained, as the build encoded it, or {@code null} where this build has none. It is stored
	 * as it is (it has just been decoded, so it is a valid encoding): encoding the decoded model again cost about as
	 * much CPU as decoding it, at every first start, while readiness waited.
	 */
	private byte[] shippedModel() {
		Resource resource = resources.getResource(properties.pretrainedModel());
		if (!resource.exists()) {
			return null;
		}
		try {
			return resource.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stores a new version under the next free number (another node may take one at the same moment). */
	private long store(Model model, int rows, String why, Thresholds thresholds) {
		for (int attempt = 1;; attempt++) {
			long version = newestVersion().orElse(0L) + 1;
			try {
				jdbc.sql("""
						insert into moderation_model (version, created_at, trained_rows, description, model, thresholds)
						values (:version, :at, :rows, :description, :model, :thresholds)""")
					.param("version", version)
					.param("at", clock.instant().atOffset(ZoneOffset.UTC))
					.param("rows", rows)
					.param("description", why.length() > 300 ? why.substring(0, 300) : why)
					.param("model", ModelCodec.encode(model))
					.param("thresholds", thresholds == null ? null : format(thresholds))
					.update();
				return version;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == STORE_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Optional<Long> newestVersion() {
		return jdbc.sql("select max(version) from moderation_model").query(Long.class).optional();
	}

	private Loaded read(long version) {
		return jdbc.sql("select model, thresholds from moderation_model where version = :version")
			.param("version", version)
			.query((rs, n) -> new Loaded(ModelCodec.decode(rs.getBytes("model")), version,
					parse(rs.getString("thresholds"))))
			.single();
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
