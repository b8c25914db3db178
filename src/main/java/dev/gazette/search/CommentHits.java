package dev.gazette.search;

import java.time.Instant;
import java.util.List;

/**
 * A page of matching comments, for moderators.
 * @param total how many match in all (as the index sees it); when {@code totalIsLowerBound}, more than that match
 * (counting stops past the last page that can be asked for)
 * @param totalIsLowerBound whether more than {@code total} match
 */
public record CommentHits(List<Hit> items, long total, boolean totalIsLowerBound, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/**
	 * One matching comment.
	 * @param status its status key as the database has it now
	 * @param snippetHtml the text with the matched words in {@code <mark>}, every other character HTML-escaped; the
	 * start of the text when no word was asked for
	 */
	public record Hit(long id, long articleId, String articleSlug, String articleHeadline, String authorName,
			Long accountId, String status, Instant createdAt, String snippetHtml) {

		/** The comment in the moderation console: its status's queue, narrowed to its article. */
		public String consolePath() {
			String queue = switch (status) {
				case "published" -> "approved";
				case "rejected" -> "rejected";
				default -> "pending";
			};
			return "/admin/moderation?queue=" + queue + "&article=" + articleSlug + "#item-" + id;
		}

		Hit as(String currentStatus, String currentName) {
			return new Hit(id, articleId, articleSlug, articleHeadline, currentName, accountId, currentStatus, createdAt,
					snippetHtml);
		}
	}
}
