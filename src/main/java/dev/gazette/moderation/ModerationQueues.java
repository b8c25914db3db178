package dev.gazette.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.Accounts;
import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Screening.Concern;
import dev.gazette.moderation.internal.QueueView.Queue;
import dev.gazette.moderation.internal.AuditPages;
import dev.gazette.moderation.internal.Guideline;
import dev.gazette.moderation.internal.QueueView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' queues, each item with its context. Pending and Reported read oldest first (the order to work
 * in); Approved and Rejected newest first (what was just decided).
 */
@Service
public class ModerationQueues {

	static final int PAGE_SIZE = 25;

	private final Comments comments;

	private final Reports reports;

	private final ArticleCatalog articles;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ModerationProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final ModerationPipeline pipeline;

	private final dev.gazette.publication.Publications publications;

	ModerationQueues(Comments comments, Reports reports, ArticleCatalog articles, Accounts accounts, AuditLog audit,
			ModerationProperties properties, ObjectMapper json, Clock clock, ModerationPipeline pipeline,
			dev.gazette.publication.Publications publications) {
		this.publications = publications;
		this.pipeline = pipeline;
		this.comments = comments;
		this.reports = reports;
		this.articles = articles;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public QueueView view(Queue queue, String articleSlug, int page, String message) {
		Article article = articleSlug == null || articleSlug.isBlank() ? null : articles.find(articleSlug).orElse(null);
		Long articleId = article == null ? null : article.id();
		int current = Math.max(1, page);
		long offset = (long) (current - 1) * PAGE_SIZE;
		List<Comment> found = switch (queue) {
			case PENDING -> comments.inStatus(Set.of(CommentStatus.PENDING), articleId, PAGE_SIZE, offset, false);
			case APPROVED -> comments.inStatus(Set.of(CommentStatus.PUBLISHED), articleId, PAGE_SIZE, offset, true);
			case REJECTED -> comments.inStatus(Set.of(CommentStatus.REJECTED), articleId, PAGE_SIZE, offset, true);
			case REPORTED -> inOrder(reports.reportedCommentIds(articleId, PAGE_SIZE, offset));
		};
		Map<Queue, Long> counts = new EnumMap<>(Queue.class);
		counts.put(Queue.PENDING, comments.countInStatus(Set.of(CommentStatus.PENDING), articleId));
		counts.put(Queue.REPORTED, reports.countReported(articleId));
		counts.put(Queue.APPROVED, comments.countInStatus(Set.of(CommentStatus.PUBLISHED), articleId));
		counts.put(Queue.REJECTED, comments.countInStatus(Set.of(CommentStatus.REJECTED), articleId));
		return new QueueView(queue, items(found), counts, current, counts.get(queue), PAGE_SIZE, article, message);
	}

	@Transactional(readOnly = true)
	public Optional<QueueItem> item(long commentId) {
		return comments.find(commentId).map(comment -> items(List.of(comment)).get(0));
	}

	private List<Comment> inOrder(List<Long> ids) {
		Map<Long, Comment> byId = new HashMap<>();
		comments.findAll(ids).forEach(comment -> byId.put(comment.id(), comment));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private List<QueueItem> items(List<Comment> found) {
		Map<Long, List<String>> reasons = reports.openReasons(
				found.stream().map(Comment::id).collect(java.util.stream.Collectors.toSet()));
		Map<Long, Article> articleCache = new HashMap<>();
		List<QueueItem> items = new ArrayList<>();
		for (Comment comment : found) {
			Article article = articleCache.computeIfAbsent(comment.articleId(),
					id -> articles.slugOf(id).flatMap(articles::find).orElse(null));
			List<AuditLog.Entry> decisions = audit.ofComment(comment.id());
			Comment parent = comment.parentId() == null ? null : comments.find(comment.parentId()).orElse(null);
			JsonNode record = comments.moderationRecord(comment.id()).map(json::readTree).orElse(null);
			List<Signal> signals = signals(record);
			Map<String, Double> scores = scores(record);
			if (record == null && comment.status() == CommentStatus.PENDING) {
				// Held with no record (imported, or held while the automatic checks were off): score it now, and say so.
				Decision now = pipeline.assess(comment.body());
				signals = now.signals()
					.stream()
					.map(signal -> new Signal(signal.name(), signal.detail() + " (checked just now: no record was kept when the comment was held)",
							signal.action(), signal.concern()))
					.toList();
				scores = now.scores();
			}
			items.add(new QueueItem(comment, article, parent, signals, scores,
					reasons.getOrDefault(comment.id(), List.of()),
					comment.accountId() == null ? null : accounts.find(comment.accountId()).orElse(null),
					comments.historyOf(comment.accountId(), null, clock.instant().minus(properties.trustWindow())),
					reports.reportsAgainst(comment.accountId()), decisions,
					AuditPages.actorNames(accounts, decisions),
					dev.gazette.publication.Timestamps.articleTime(comment.createdAt(), publications.current().timeZone())));
		}
		return items;
	}

	private static List<Signal> signals(JsonNode record) {
		List<Signal> signals = new ArrayList<>();
		if (record != null) {
			for (JsonNode signal : record.path("signals")) {
				signals.add(new Signal(signal.path("name").asString(), signal.path("detail").asString(),
						Signal.Action.valueOf(signal.path("action").asString("hold").toUpperCase(java.util.Locale.ROOT)),
						concern(signal.path("concern"))));
			}
		}
		return signals;
	}

	/**
	 * A signal's recorded concern, in the words of today's guideline; none for other checks, for records made before
	 * concerns were kept, or for a guideline that is no longer there.
	 */
	private static Concern concern(JsonNode concern) {
		if (!concern.isObject()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		concern.path("parts").forEach(part -> parts.add(part.asString()));
		return Guideline.fromKey(concern.path("guideline").asString("")).map(g -> g.concern(parts)).orElse(null);
	}

	private static Map<String, Double> scores(JsonNode record) {
		Map<String, Double> scores = new LinkedHashMap<>();
		if (record != null) {
			JsonNode node = record.path("scores");
			node.propertyNames().forEach(name -> scores.put(name, node.path(name).asDouble()));
		}
		return scores;
	}
}
