package dev.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;
import dev.gazette.comment.CommentScreening;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.RecentComment;
import dev.gazette.comment.Screening;
import dev.gazette.comment.Screening.Concern;
import dev.gazette.comment.Submission;
import dev.gazette.moderation.Signal.Action;
import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.classifier.Scores;
import dev.gazette.moderation.internal.ClientActivity;
import dev.gazette.moderation.internal.Explanations;
import dev.gazette.moderation.internal.ExternalScorers;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/**
 * Every new or edited comment passes here before anyone else can see it. Each check adds signals; the strongest
 * decides:
 * <ol>
 * <li>banned words reject, suspect words hold;</li>
 * <li>the built-in classifier holds what scores above a label's threshold (insult, identity attack, threat,
 * obscenity, severe toxicity); optional external services add their opinion (see {@link ExternalScorers});</li>
 * <li>spam: too many links, the same text again, a burst of posts, links from a brand-new account;</li>
 * <li>trust: an author with many recent rejections, or (by setting) a new account, is pre-moderated;</li>
 * <li>the article: pre-moderated discussions hold everything.</li>
 * </ol>
 * A reader whose text would be held by the words or the classifier is first told so, once (the nudge), with what
 * triggered it and the guideline it may break ({@link Explanations}); if they post anyway it is held, and moderators
 * see the same explanation. Suspended accounts are refused.
 * <p>
 * {@link #screen} runs before the transaction that stores the comment opens (the contract of
 * {@link CommentScreening}): the external services are asked from here, and no database connection waits on them.
 * <p>
 * With {@code gazette.moderation.automatic-screening=false} (on by default) only suspensions and pre-moderated
 * articles apply, for a site that wants to rely on reports and moderators alone.
 * <p>
 * Its length is the list of checks above and the recording of why each decided; the checks read one submission and add
 * to one list of signals, and are kept in the order they run.
 */
@Service
public class ModerationPipeline implements CommentScreening {

	private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://|\\bwww\\.|\\]\\(");

	/** At most this many parts are kept for one signal in the stored record. */
	private static final int MAX_PARTS = Explanations.MAX_PARTS;

	/** The length of the comment's {@code moderation} column. */
	private static final int RECORD_LENGTH = 4000;

	private final WordLists words;

	private final ClassifierModels classifier;

	private final ExternalScorers external;

	private final Comments comments;

	private final Accounts accounts;

	private final ModerationProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final ClientActivity activity;

	private final Explanations explanations;

	ModerationPipeline(WordLists words, ClassifierModels classifier, ExternalScorers external, Comments comments,
			Accounts accounts, ModerationProperties properties, ObjectMapper json, Clock clock,
			ClientActivity activity) {
		this.activity = activity;
		this.explanations = new Explanations(classifier);
		this.words = words;
		this.classifier = classifier;
		this.external = external;
		this.comments = comments;
		this.accounts = accounts;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Screening screen(Submission submission) {
		Optional<Account> account = Optional.ofNullable(submission.commenter().accountId()).flatMap(accounts::find);
		Optional<Instant> suspended = account.flatMap(a -> accounts.suspendedUntil(a.id()));
		if (suspended.isPresent()) {
			return new Screening(Screening.Verdict.REFUSE, null,
					"Your account may not comment until " + suspended.get().toString().substring(0, 16).replace('T', ' ')
							+ " UTC. The e-mail we sent you says why.");
		}
		if (!properties.automaticScreening()) {
			return submission.article().discussion().premoderated()
					? new Screening(Screening.Verdict.HOLD, null, "Thank you. Your comment will appear once a moderator has read it.")
					: Screening.publish();
		}
		Decision decision = decide(submission, account);
		if (!submission.edit() && decision.action() != Action.NUDGE) {
			activity.record(submission.commenter().client(), submission.body(), clock.instant());
		}
		return switch (decision.action()) {
			case PUBLISH -> new Screening(Screening.Verdict.PUBLISH, record(decision), null);
			case NUDGE -> new Screening(Screening.Verdict.NUDGE, null, nudgeMessage(decision), decision.concerns());
			case HOLD -> new Screening(Screening.Verdict.HOLD, record(decision),
					"Thank you. Your comment will appear once a moderator has read it.");
			case REJECT -> new Screening(Screening.Verdict.REJECT, record(decision),
					"Your comment breaks our guidelines and will not be published.");
		};
	}

	/**
	 * What the text alone would get — word lists, classifier, links — with nothing stored and no author or article
	 * context: what {@code POST /api/v1/moderation/score} answers.
	 */
	public Decision assess(String text) {
		Scores scores = classifier.score(text);
		List<Signal> signals = textSignals(text, scores);
		int links = count(LINK.matcher(text));
		if (links > properties.maxLinks()) {
			signals.add(new Signal("spam", links + " links", Action.HOLD));
		}
		return nudgeOrHold(Decision.of(signals, scores.byColumn()), true);
	}

	private List<Signal> textSignals(String text, Scores scores) {
		List<Signal> signals = new ArrayList<>();
		for (WordLists.Entry entry : words.matches(text)) {
			boolean banned = entry.kind() == WordLists.Kind.BANNED;
			signals.add(new Signal(banned ? "banned-words" : "suspect-words", "“" + entry.phrase() + "”",
					banned ? Action.REJECT : Action.HOLD,
					banned ? null : explanations.ofWords(entry.phrase(), text)));
		}
		Set<Label> held = classifier.held(scores);
		if (held.size() > 1) {
			// The umbrella "toxic" holds on its own; beside a label that says what the comment may read as, it
			// would only repeat that label's concern to the reader and the moderator.
			held.remove(Label.TOXIC);
		}
		Map<Label, Concern> concerns = explanations.ofLabels(held, scores, text);
		concerns.forEach((label, concern) -> signals.add(new Signal("classifier", label.description() + " "
				+ String.format(Locale.ROOT, "%.2f", scores.get(label)), Action.HOLD, concern)));
		return signals;
	}

	/** The decision on a submission, with nothing stored. */
	Decision decide(Submission submission, Optional<Account> account) {
		Scores scores = classifier.score(submission.body());
		List<Signal> signals = textSignals(submission.body(), scores);
		signals.addAll(external.ask(submission));
		// One read of the author's latest comments serves the repeats, the bursts and the record in the period.
		Long accountId = submission.commenter().accountId();
		String email = submission.commenter().guestEmail();
		List<RecentComment> recent = accountId == null && email == null ? List.of()
				: comments.recentBy(accountId, email, clock.instant().minus(properties.trustWindow()));
		spam(submission, account, recent, signals);
		trust(account, recent, signals);
		if (submission.article().discussion().premoderated()) {
			signals.add(new Signal("article", "every comment on this article is reviewed first", Action.HOLD));
		}
		return nudgeOrHold(Decision.of(signals, scores.byColumn()), submission.nudgeAcknowledged());
	}

	/**
	 * The words and the classifier ask the reader once (a nudge) before holding; once they chose to post anyway,
	 * every nudge becomes a hold. Spam and trust signals hold without asking.
	 */
	private static Decision nudgeOrHold(Decision decision, boolean acknowledged) {
		boolean reconsiderable = decision.signals()
			.stream()
			.filter(s -> s.action() == Action.HOLD || s.action() == Action.NUDGE)
			.anyMatch(s -> s.name().equals("classifier") || s.name().equals("suspect-words"));
		if (decision.action() == Action.REJECT) {
			return decision;
		}
		if (reconsiderable && !acknowledged) {
			return new Decision(Action.NUDGE, decision.signals(), decision.scores());
		}
		if (decision.action() == Action.NUDGE) {
			return new Decision(Action.HOLD, decision.signals(), decision.scores());
		}
		return decision;
	}

	private void spam(Submission submission, Optional<Account> account, List<RecentComment> recent,
			List<Signal> signals) {
		int links = count(LINK.matcher(submission.body()));
		if (links > properties.maxLinks()) {
			signals.add(new Signal("spam", links + " links", Action.HOLD));
		}
		if (!submission.edit()) {
			String client = properties.perClientChecks() ? submission.commenter().client() : null;
			Instant now = clock.instant();
			// An account or a guest's address has a history in the database; every post also has its client's
			// last hour in memory, which is all there is for a guest who gave no address.
			String normalised = submission.body().strip().toLowerCase(Locale.ROOT);
			if (recent.stream().anyMatch(c -> c.body().strip().toLowerCase(Locale.ROOT).equals(normalised))
					|| activity.postedBefore(client, submission.body(), now)) {
				signals.add(new Signal("spam", "the same text was posted before", Action.HOLD));
			}
			Instant burstStart = now.minus(properties.burstWindow());
			long burst = Math.max(recent.stream().filter(c -> c.createdAt().isAfter(burstStart)).count(),
					activity.postsSince(client, burstStart));
			if (burst >= properties.burstCount()) {
				signals.add(new Signal("spam", burst + " comments in " + properties.burstWindow().toMinutes()
						+ " minutes", Action.HOLD));
			}
		}
		if (links > 0 && account.isPresent()
				&& account.get().createdAt().isAfter(clock.instant().minus(properties.newAccountAge()))) {
			signals.add(new Signal("spam", "links from an account younger than "
					+ properties.newAccountAge().toHours() + " hours", Action.HOLD));
		}
	}

	/**
	 * The author's record over the period: the latest {@link Comments#RECENT_LIMIT} comments of it at most, so an
	 * author's thousands are never all read again for each new comment.
	 */
	private void trust(Optional<Account> account, List<RecentComment> recent, List<Signal> signals) {
		int published = (int) recent.stream().filter(c -> c.status() == CommentStatus.PUBLISHED).count();
		int rejected = (int) recent.stream().filter(c -> c.status() == CommentStatus.REJECTED).count();
		int decided = published + rejected;
		if (decided >= properties.trustMinimum() && (double) rejected / decided > properties.trustRejectedShare()) {
			signals.add(new Signal("trust", rejected + " of " + decided + " recent comments rejected", Action.HOLD));
		}
		if (properties.premoderateNewAccounts() && account.isPresent()) {
			int approvals = properties.newAccountApprovals();
			int publishedEver = comments.publishedAtLeast(account.get().id(), approvals);
			if (publishedEver < approvals) {
				signals.add(new Signal("trust", "new account: " + publishedEver + " of " + approvals
						+ " first comments approved", Action.HOLD));
			}
		}
	}

	/**
	 * The record stored with the comment (JSON, at most {@link #RECORD_LENGTH} characters). A signal's concern is
	 * kept as its guideline's key and the quoted parts; the guideline's words are looked up when it is shown. Should
	 * the quotes make it too long, only the first of each is kept, and then none.
	 */
	private String record(Decision decision) {
		String record = record(decision, MAX_PARTS);
		if (record.length() > RECORD_LENGTH) {
			record = record(decision, 1);
		}
		if (record.length() > RECORD_LENGTH) {
			record = record(decision, 0);
		}
		return record;
	}

	private String record(Decision decision, int partsPerConcern) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("action", decision.action().key());
		record.put("signals", decision.signals().stream().map(s -> recorded(s, partsPerConcern)).toList());
		record.put("scores", decision.scores());
		record.put("model", classifier.version());
		return json.writeValueAsString(record);
	}

	private static Map<String, Object> recorded(Signal signal, int partsPerConcern) {
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put("name", signal.name());
		recorded.put("detail", signal.detail());
		recorded.put("action", signal.action().key());
		if (signal.concern() != null) {
			recorded.put("concern", Map.of("guideline", signal.concern().guideline(), "parts",
					signal.concern().parts().stream().limit(partsPerConcern).toList()));
		}
		return recorded;
	}

	/**
	 * The nudge in plain text (the API's {@code detail}; the form shows the same from the concerns): what in the
	 * comment may break which guideline, and what happens if they post it as it is.
	 */
	private static String nudgeMessage(Decision decision) {
		StringBuilder message = new StringBuilder("Before you post: ");
		List<Concern> concerns = decision.concerns();
		if (concerns.isEmpty()) {
			message.append("our guidelines ask everyone to argue with ideas, not attack people or whole peoples. ");
		}
		for (Concern concern : concerns) {
			message.append(concern.parts().isEmpty() ? "your comment"
					: String.join(" and ", concern.parts().stream().map(part -> "“" + part + "”").toList()))
				.append(" may read as ")
				.append(concern.reason())
				.append(". Our guidelines say: ")
				.append(concern.guidelineText())
				.append(' ');
		}
		return message.append("If you post it as it is, a moderator will read it before it appears. ")
			.append("You can change it, or post it anyway.")
			.toString();
	}

	private static int count(Matcher matcher) {
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}
}
