package dev.gazette.comment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import dev.gazette.comment.CommentDraft;
import dev.gazette.comment.Commenter;

/**
 * What makes a retry recognisable: the key the client chose ({@code Idempotency-Key}) or the form's one-time
 * submission id, whose it is ({@code scope}), and a digest of what was sent with it.
 * <p>
 * {@code strict}: a key sent again with a different request is refused (the API). A form's submission id is not
 * strict: a form sent again, even with its text changed in between, lands on the comment it already made.
 */
public record SubmissionKey(String scope, String key, String fingerprint, boolean strict) {

	/** The longest key accepted. */
	static final int MAX_LENGTH = 200;

	/** A client's {@code Idempotency-Key} for a comment posted through the API: the key belongs to its account. */
	static SubmissionKey api(String key, Commenter commenter, String articleSlug, Object... sent) {
		String scope = commenter.isGuest() ? "api:guest" : "api:" + commenter.accountId();
		StringBuilder request = new StringBuilder(articleSlug);
		for (Object part : sent) {
			request.append('\u0000').append(Objects.toString(part, "\u0001"));
		}
		return new SubmissionKey(scope, key, sha256(request.toString()), true);
	}

	/** A comment form's one-time submission id. */
	static SubmissionKey form(String submissionId) {
		return new SubmissionKey("form", submissionId, "", false);
	}

	/**
	 * A form sent without a submission id (the article page's own form, which is the same for every reader): the same
	 * commenter sending the same text to the same place again (a double click, a browser resending after a timeout)
	 * lands on the comment it already made, for as long as keys are kept.
	 */
	static SubmissionKey sameContent(String articleSlug, CommentDraft draft, Commenter commenter) {
		String who = (commenter.accountId() != null) ? "account:" + commenter.accountId()
				: "guest:" + commenter.name() + '\u0000' + commenter.guestEmail() + '\u0000' + commenter.client();
		String sent = String.join("\u0000", articleSlug, String.valueOf(draft.parentId()), who,
				String.valueOf(draft.body()));
		return new SubmissionKey("form-content", sha256(sent), "", false);
	}

	/** Whether {@code key} can be one: 1 to 200 visible ASCII characters. */
	static boolean wellFormed(String key) {
		return key != null && !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 32 && c < 127);
	}

	public boolean sameRequestAs(String storedFingerprint) {
		return !strict || fingerprint.equals(storedFingerprint);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}
}
