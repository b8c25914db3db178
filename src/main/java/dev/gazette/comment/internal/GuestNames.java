package dev.gazette.comment.internal;

import dev.gazette.account.Accounts;
import dev.gazette.article.Contributors;
import dev.gazette.publication.NameLikeness;
import dev.gazette.publication.Publications;
import dev.gazette.refusal.FieldProblem;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which names a guest may comment under. A guest's name is whatever they type, so without this anyone could answer
 * readers as the regional editor, or as a member whose comments others know. Refused: a name that looks like a
 * registered account's or an author's display name (up to case, diacritics, confusable letters and invisible
 * characters: {@link NameLikeness}), and names using words kept for staff ("Moderator", "Editor", the publication's
 * name). Members comment under their account's name and are not checked here.
 */
@Component
public class GuestNames {

	public static final String TAKEN = "That name belongs to a member or writer of this site. Please choose another, or sign in if it is yours.";

	public static final String RESERVED = "Names with words such as Admin, Moderator or Editor, or with the publication's name, are kept for its staff. Please choose another.";

	private final Accounts accounts;

	private final Contributors contributors;

	private final Publications publications;

	GuestNames(Accounts accounts, Contributors contributors, Publications publications) {
		this.accounts = accounts;
		this.contributors = contributors;
		this.publications = publications;
	}

	/** What is wrong with a guest's {@code name}, if anything; a blank name (shown as "Anonymous") is fine. */
	public Optional<FieldProblem> problem(String name) {
		if (name == null || NameLikeness.key(name).isEmpty()) {
			return Optional.empty();
		}
		if (NameLikeness.usesReservedWord(name, publications.current().name())) {
			return Optional.of(new FieldProblem("authorName", RESERVED));
		}
		if (accounts.nameInUse(name) || contributors.nameInUse(name)) {
			return Optional.of(new FieldProblem("authorName", TAKEN));
		}
		return Optional.empty();
	}
}
