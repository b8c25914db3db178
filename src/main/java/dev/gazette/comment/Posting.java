package dev.gazette.comment;

/** What came of posting a comment with a {@link SubmissionKey}. */
sealed interface Posting {

	/** The comment was stored now. */
	record Stored(Comment comment) implements Posting {
	}

	/** The same request came before and made this comment; nothing new was stored. */
	record Repeated(Comment comment) implements Posting {
	}

	/** The key was used before for a different request; nothing was stored. */
	record KeyReused() implements Posting {
	}
}
