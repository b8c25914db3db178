package dev.gazette.account;

import java.time.Instant;
import java.util.Set;

/**
 * A reader's account as the rest of Gazette sees it: no password, no tokens. {@code roles} always contains
 * {@link Role#READER}.
 */
public record Account(long id, String email, String displayName, String bio, Set<Role> roles, boolean emailVerified,
		boolean hasAvatar, boolean replyNotifications, boolean newsletter, Instant createdAt, long version) {

	public boolean has(Role role) {
		return roles.contains(role) || roles.contains(Role.ADMIN);
	}

	/** The public profile page. */
	public String profilePath() {
		return "/people/" + id;
	}

	/** The avatar image: the uploaded one, or the generated initials; {@code version} busts caches on change. */
	public String avatarPath() {
		return "/people/" + id + "/avatar?v=" + version;
	}
}
