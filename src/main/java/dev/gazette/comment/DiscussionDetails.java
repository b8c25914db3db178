package dev.gazette.comment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a discussion shows beside the comments themselves, read with them at one discussion version: who each
 * commenting account is ({@link CommenterIdentity}), how many readers recommended each comment, and the editors'
 * picks with who picked them. Recommending or picking a comment bumps the version like any other change, so the
 * snapshot (and the article page kept for readers who are not signed in) shows the new numbers on the next request.
 * @param identities by account id
 * @param recommendations by comment id; comments nobody recommended are absent
 * @param featured the published picks, latest pick first
 */
public record DiscussionDetails(Map<Long, CommenterIdentity> identities, Map<Long, Integer> recommendations,
		List<Pick> featured) {

	public static final DiscussionDetails NONE = new DiscussionDetails(Map.of(), Map.of(), List.of());

	/** An editors' pick; {@code pickedBy} is the display name of who picked it, {@code null} when not recorded. */
	public record Pick(Comment comment, String pickedBy) {
	}

	public CommenterIdentity identity(Comment comment) {
		if (comment.accountId() == null) {
			return CommenterIdentity.GUEST;
		}
		return identities.getOrDefault(comment.accountId(), CommenterIdentity.GONE);
	}

	public int recommendations(Comment comment) {
		return recommendations.getOrDefault(comment.id(), 0);
	}

	/** The ids of the featured comments. */
	public Set<Long> featuredIds() {
		return Set.copyOf(featured.stream().map(pick -> pick.comment().id()).toList());
	}
}
