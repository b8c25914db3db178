package dev.gazette.newsroom;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Manuscript;

import static dev.gazette.article.ArticleState.DRAFT;
import static dev.gazette.article.ArticleState.IN_REVIEW;
import static dev.gazette.article.ArticleState.PUBLISHED;
import static dev.gazette.article.ArticleState.SCHEDULED;
import static dev.gazette.article.ArticleState.SUBMITTED;
import static dev.gazette.article.ArticleState.UNPUBLISHED;

/**
 * Everything one can do in the newsroom, who may do it and, for a move through the workflow, to which state. From which
 * states a piece may move there is the piece's own rule ({@link ArticleState#canMoveTo}), which the article feature
 * enforces again when it stores the move.
 * <ul>
 * <li>Contributors start pieces, change their own while they are drafts, submit them and withdraw them while they
 * wait (back to draft).</li>
 * <li>Authors do that with their own pieces in any state, and also publish them.</li>
 * <li>Editors (and admins) do everything with anyone's pieces: take submitted pieces into review, publish, schedule,
 * unpublish, send back to draft, and leave notes to the writer.</li>
 * </ul>
 * A piece is one's own when one started it; pieces from before the newsroom belong to no one, so only editors touch
 * them.
 */
enum Action {

	START("start a piece", null),
	READ("read this piece", null),
	EDIT("change this piece", null),
	NOTE("leave a note on this piece", null),
	SUBMIT("submit this piece", SUBMITTED),
	REVIEW("take this piece into review", IN_REVIEW),
	PUBLISH("publish this piece", PUBLISHED),
	SCHEDULE("schedule this piece", SCHEDULED),
	UNPUBLISH("unpublish this piece", UNPUBLISHED),
	RETURN_TO_DRAFT("send this piece back to draft", DRAFT);

	private final String description;

	private final ArticleState to;

	Action(String description, ArticleState to) {
		this.description = description;
		this.to = to;
	}

	/** The state this action moves a piece to, or {@code null} for an action that is not a move. */
	ArticleState target() {
		return to;
	}

	/** Whether a piece in this state can be moved by this action: the state's own rule ({@link ArticleState#canMoveTo}). */
	boolean startsFrom(ArticleState state) {
		return to != null && state.canMoveTo(to);
	}

	String description() {
		return description;
	}

	/** Whether {@code who} may do this to {@code piece} ({@code null} for {@link #START}), whatever its state allows. */
	boolean allowedFor(AccountPrincipal who, Manuscript piece) {
		if (who.has(Role.EDITOR)) {
			return true;
		}
		boolean author = who.has(Role.AUTHOR);
		boolean contributor = who.has(Role.CONTRIBUTOR);
		if (this == START) {
			return author || contributor;
		}
		if (piece == null || !piece.ownedBy(who.id())) {
			return false;
		}
		return switch (this) {
			case READ, SUBMIT -> author || contributor;
			case EDIT -> author || (contributor && piece.state() == DRAFT);
			case PUBLISH -> author;
			case RETURN_TO_DRAFT -> author || (contributor && piece.state() == SUBMITTED);
			default -> false;
		};
	}
}
