package dev.gazette.moderation.internal;

import java.util.List;
import java.util.Map;

import dev.gazette.article.Article;
import dev.gazette.moderation.QueueItem;

/** A page of the console: one queue, the counts of all four, and an optional article filter. */
public record QueueView(Queue queue, List<QueueItem> items, Map<Queue, Long> counts, int page, long total,
		int pageSize, Article article, String message) {

	/** The console's queues. */
	public enum Queue {
		PENDING("Pending"), REPORTED("Reported"), APPROVED("Approved"), REJECTED("Rejected");

		private final String title;

		Queue(String title) {
			this.title = title;
		}

		public String title() {
			return title;
		}

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static Queue fromKey(String key) {
			for (Queue queue : values()) {
				if (queue.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
					return queue;
				}
			}
			return PENDING;
		}
	}

	public boolean hasNext() {
		return (long) page * pageSize < total;
	}

	public String url(Queue target, int targetPage) {
		return "/admin/moderation?queue=" + target.key() + (article == null ? "" : "&article=" + article.slug())
				+ (targetPage > 1 ? "&page=" + targetPage : "");
	}
}
