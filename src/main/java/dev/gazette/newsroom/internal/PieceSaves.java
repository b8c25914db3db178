package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Instant;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.ArticleCopy;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.newsroom.NewsroomException;
import dev.gazette.newsroom.Revision;
import dev.gazette.newsroom.RevisionFields;

import org.springframework.stereotype.Component;

/**
 * A piece's saves and the revision each one leaves: who saved what and why ("edited", "restored revision 3"), and,
 * at the first save of a piece from before the newsroom, the piece as it was, so that nothing is lost to a restore.
 * Runs in the caller's transaction, after {@link dev.gazette.newsroom.Workflow} has allowed the save.
 */
@Component
public class PieceSaves {

	private final Manuscripts manuscripts;

	private final Revisions revisions;

	private final Clock clock;

	PieceSaves(Manuscripts manuscripts, Revisions revisions, Clock clock) {
		this.manuscripts = manuscripts;
		this.revisions = revisions;
		this.clock = clock;
	}

	public Manuscript save(Manuscript piece, ArticleCopy copy, AccountPrincipal who, String summary) {
		if (!revisions.any(piece.id())) {
			Instant then = piece.updatedAt() != null ? piece.updatedAt()
					: piece.publishedAt() != null ? piece.publishedAt() : clock.instant();
			revisions.add(piece.id(), null, null, then, "as it was before the newsroom", RevisionFields.of(piece.copy()),
					piece.copy().bodyMarkdown());
		}
		Manuscript saved = manuscripts.revise(piece.id(), piece.version(), copy);
		record(saved, who, summary);
		return saved;
	}

	public void record(Manuscript piece, AccountPrincipal who, String summary) {
		revisions.add(piece.id(), who.id(), who.displayName(), clock.instant(), summary, RevisionFields.of(piece.copy()),
				piece.copy().bodyMarkdown());
	}

	/** Revision {@code number} of a piece, refused as not found when it has none. */
	public Revision revision(long id, int number) {
		return revisions.find(id, number)
			.orElseThrow(() -> NewsroomException.notFound("Piece " + id + " has no revision " + number + "."));
	}
}
