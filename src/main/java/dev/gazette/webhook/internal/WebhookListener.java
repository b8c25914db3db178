package dev.gazette.webhook.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.article.ArticlePublished;
import dev.gazette.comment.CommentPublished;
import dev.gazette.comment.Comments;
import dev.gazette.jobs.Jobs;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.transaction.PerTransaction;
import tools.jackson.databind.ObjectMapper;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns published articles and comments into queued deliveries, one per webhook that wants the event, after the
 * commit that published them. The event id is derived from the object and its publication time, so a listener run
 * again (after a crash) queues nothing new.
 */
@Component
class WebhookListener {

	private final Webhooks webhooks;

	private final DeliveryQueue queue;

	private final Comments comments;

	private final GazetteProperties site;

	private final ObjectMapper json;

	private final Clock clock;

	private final Jobs jobs;

	/** Whether some webhook wants comments, as the current transaction first read it. */
	private final PerTransaction<Boolean> commentsWanted = PerTransaction.kept(this::readWhetherCommentsWanted);

	WebhookListener(Webhooks webhooks, DeliveryQueue queue, Comments comments, GazetteProperties site, ObjectMapper json,
			Clock clock, Jobs jobs) {
		this.jobs = jobs;
		this.webhooks = webhooks;
		this.queue = queue;
		this.comments = comments;
		this.site = site;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ArticlePublished published) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", published.articleId());
		data.put("slug", published.slug());
		data.put("headline", published.headline());
		data.put("section", published.sectionSlug());
		data.put("url", site.baseUrl() + "/articles/" + published.slug());
		data.put("publishedAt", published.publishedAt().toString());
		enqueue(WebhookEvent.ARTICLE_PUBLISHED,
				"article." + published.articleId() + "." + published.publishedAt().toEpochMilli(), data);
	}

	/**
	 * Whether some webhook wants comments: asked when a comment is published (the listener's condition), so that on
	 * a site without such a webhook a comment leaves no publication for this listener in the registry, and no run of
	 * it after the commit. One read of the small webhook table, in place of a registry row written, run and deleted;
	 * one a transaction, so a group commit of many posts reads it once.
	 */
	public boolean wantsComments() {
		return commentsWanted.current().orElseGet(this::readWhetherCommentsWanted);
	}

	private boolean readWhetherCommentsWanted() {
		return !webhooks.activeFor(WebhookEvent.COMMENT_PUBLISHED).isEmpty();
	}

	@ApplicationModuleListener(condition = "@webhookListener.wantsComments()")
	void on(CommentPublished published) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", published.commentId());
		data.put("articleId", published.articleId());
		data.put("articleSlug", published.articleSlug());
		data.put("parentId", published.parentId());
		// The text is read here rather than carried by the event (see CommentPublished).
		comments.find(published.commentId()).ifPresent(comment -> {
			data.put("authorName", published.isThin() ? comment.displayName() : published.authorName());
			data.put("bodyHtml", comment.bodyHtml());
		});
		data.put("url", site.baseUrl() + published.permalinkPath());
		data.put("publishedAt", published.publishedAt().toString());
		enqueue(WebhookEvent.COMMENT_PUBLISHED,
				"comment." + published.commentId() + "." + published.publishedAt().toEpochMilli(), data);
	}

	private void enqueue(WebhookEvent event, String eventId, Map<String, Object> data) {
		var hooks = webhooks.activeFor(event);
		if (hooks.isEmpty()) {
			return;
		}
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", "evt_" + eventId);
		envelope.put("type", event.key());
		envelope.put("createdAt", clock.instant().toString());
		envelope.put("data", data);
		String payload = json.writeValueAsString(envelope);
		// A delivery queued already (the listener run again) has its job already.
		hooks.forEach(hook -> queue.add(hook.id(), "evt_" + eventId, event.key(), payload, clock.instant())
			.ifPresent(id -> jobs.enqueue(WebhookDelivery.KIND, Long.toString(id), new WebhookDelivery.Deliver(id))));
	}
}
