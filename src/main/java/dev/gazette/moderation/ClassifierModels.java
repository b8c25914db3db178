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
import dev.gazette.moderation.classifier.Thresholds;
import dev.gazette.moderation.classifier.Trainer;
import dev.gazette.moderation.classifier.TrainingOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classifier's models: versioned, persisted in the database (table {@code moderation_model}), shared by every
 * node. The first start trains version 1 from the labelled comments shipped with Gazette; moderators' decisions are
 * kept as training examples and, every {@code gazette.moderation.retrain-after} decisions, a new version is trained
 * from the shipped data plus this site's decisions. Nodes look for a newer version once a minute.
 */
@Service
public class ClassifierModels {

	private static final Logger log = LoggerFactory.getLogger(ClassifierModels.class);

	static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

	private record Loaded(Model model, long version, Instant checkedAt) {
	}

	private final JdbcClient jdbc;

	private final ModerationProperties properties;

	private final Clock clock;

	private final Thresholds thresholds = Thresholds.defaults();

	private final AtomicReference<Loaded> current = new AtomicReference<>();

	ClassifierModels(JdbcClient jdbc, ModerationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
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
		held.addAll(thresholds.exceeded(scores));
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

	/** Trains a new version from scratch: the shipped data, any extra examples, and every kept decision. */
	@Transactional
	public synchronized long retrain(String why, List<LabelledComment> extra) {
		List<LabelledComment> examples = new ArrayList<>(Trainer.shippedData());
		examples.addAll(extra);
		examples.addAll(feedback());
		Model model = Trainer.train(examples, TrainingOptions.defaults());
		long version = jdbc.sql("select coalesce(max(version), 0) + 1 from moderation_model").query(Long.class).single();
		jdbc.sql("""
				insert into moderation_model (version, created_at, trained_rows, description, model)
				values (:version, :at, :rows, :description, :model)""")
			.param("version", version)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("rows", examples.size())
			.param("description", why.length() > 300 ? why.substring(0, 300) : why)
			.param("model", ModelCodec.encode(model))
			.update();
		current.set(new Loaded(model, version, clock.instant()));
		log.info("Trained moderation model version {} on {} examples ({})", version, examples.size(), why);
		return version;
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
			Loaded checked = new Loaded(known.model(), known.version(), clock.instant());
			current.set(checked);
			return checked;
		}
		byte[] bytes = jdbc.sql("select model from moderation_model where version = :version")
			.param("version", newest)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		Loaded fresh = new Loaded(ModelCodec.decode(bytes), newest, clock.instant());
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
