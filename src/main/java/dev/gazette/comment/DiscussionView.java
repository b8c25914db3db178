package dev.gazette.comment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.gazette.publication.Timestamps;

/**
 * A page of discussion ready for a template: the comments plus how to write their times and links. Built per
 * request because relative times ("3 hours ago") depend on now.
 * <p>
 * {@code recommendedByViewer} (the comments of this article the signed-in viewer recommended) and
 * {@code viewerPicks} (a moderator, who may feature comments from the page) are the viewer's own; for a reader who
 * is not signed in they are empty and false, so that page stays the same for every such reader.
 */
public record DiscussionView(DiscussionPage page, String articleUrl, boolean open, boolean guestsAllowed, Instant now,
		ZoneId zone, Long viewerId, Duration editWindow, Set<Long> recommendedByViewer, boolean viewerPicks) {

	/** Who wrote the comment: badges, picture, profile. */
	public CommenterIdentity identity(Comment comment) {
		return page.details().identity(comment);
	}

	public int recommendations(Comment comment) {
		return page.details().recommendations(comment);
	}

	/** "1 recommendation", "3 recommendations"; empty when there are none. */
	public String recommendationCount(Comment comment) {
		int count = recommendations(comment);
		return count == 0 ? "" : count + (count == 1 ? " recommendation" : " recommendations");
	}

	/** Signed-in readers recommend published comments other than their own. */
	public boolean canRecommend(Comment comment) {
		return viewerId != null && comment.isPublished() && !comment.isBy(viewerId);
	}

	public boolean recommended(Comment comment) {
		return recommendedByViewer.contains(comment.id());
	}

	public String recommendUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/recommendation";
	}

	/** The editors' picks, latest first, for the Featured section. */
	public List<DiscussionDetails.Pick> featured() {
		return page.details().featured();
	}

	/** Moderators feature and unfeature published comments from the page itself. */
	public boolean canPick(Comment comment) {
		return viewerPicks && comment.isPublished();
	}

	public String pickUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/feature";
	}

	/** Whether this reader may post here now: the article takes comments, from guests or from this account. */
	public boolean canPost() {
		return open && (guestsAllowed || signedIn());
	}

	public boolean signedIn() {
		return viewerId != null;
	}

	/** What to say instead of the form when {@link #canPost()} is false. */
	public String whyClosed() {
		return open ? "Comments here are open to signed-in readers only." : "Comments on this article are closed.";
	}

	/** Whether the viewer wrote this comment and may still change it. */
	public boolean canEdit(Comment comment) {
		return viewerId != null && comment.isBy(viewerId) && comment.isPublished()
				&& now.isBefore(comment.createdAt().plus(editWindow));
	}

	/** Whether the viewer wrote this comment and may delete it. */
	public boolean canDelete(Comment comment) {
		return viewerId != null && comment.isBy(viewerId) && comment.status() != CommentStatus.DELETED;
	}

	/** Signed-in readers report published comments other than their own. */
	public boolean canReport(Comment comment) {
		return viewerId != null && comment.isPublished() && !comment.isBy(viewerId);
	}

	public String reportUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/report";
	}

	public String editUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/edit";
	}

	public String deleteUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/delete";
	}

	public String relativeTime(Comment comment) {
		return Timestamps.relative(comment.createdAt(), now, zone);
	}

	/**
	 * Until when this page's relative times ("5 minutes ago") read as they do now: the page kept whole for readers who
	 * are not signed in is rebuilt then. {@link Instant#MAX} when no time on the page will change.
	 */
	public Instant timesChangeAt() {
		Instant earliest = Instant.MAX;
		for (ThreadView thread : page.threads()) {
			earliest = timesChangeAt(thread.root(), earliest);
		}
		return earliest;
	}

	private Instant timesChangeAt(DisplayComment node, Instant earliest) {
		if (node.comment().isPublished()) {
			Instant changes = Timestamps.relativeChangesAt(node.comment().createdAt(), now);
			earliest = changes.isBefore(earliest) ? changes : earliest;
		}
		for (DisplayComment reply : node.replies()) {
			earliest = timesChangeAt(reply, earliest);
		}
		return earliest;
	}

	public String absoluteTime(Comment comment) {
		return Timestamps.articleTime(comment.createdAt(), zone);
	}

	/** The comment's time for {@code <time datetime>}, to the second (the fraction only made every page longer). */
	public static String isoTime(Comment comment) {
		return comment.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

	/**
	 * The comment's short permanent address ({@code /comments/ID}), as each comment on a page links to it: it leads
	 * where {@link #permalink} does, and is 40 bytes shorter on every comment of a long page.
	 */
	public String shortPermalink(Comment comment) {
		return "/comments/" + comment.id();
	}

	/** The reply form's short address; it sends the reader on to {@link #replyUrl}. */
	public String shortReplyUrl(Comment comment) {
		return "/comments/" + comment.id() + "/reply";
	}

	public String permalink(Comment comment) {
		return articleUrl + "/comments/" + comment.id();
	}

	public String replyUrl(Comment comment) {
		return articleUrl + "/comments/" + comment.id() + "/reply";
	}

	public String threadUrl(Comment root) {
		return articleUrl + "/threads/" + root.id();
	}

	public String pageUrl(int number) {
		return articleUrl + "?sort=" + page.sort().key() + "&cpage=" + number + "#comments";
	}

	public String sortUrl(DiscussionSort sort) {
		return articleUrl + "?sort=" + sort.key() + "#comments";
	}

	/** What stands in for a comment the public cannot read, so its replies keep their context. */
	public static String placeholder(Comment comment) {
		return switch (comment.status()) {
			case DELETED -> "[deleted]";
			case REJECTED -> "This comment was removed by a moderator.";
			case PENDING -> "This comment is awaiting moderation.";
			case PUBLISHED -> "";
		};
	}
}
