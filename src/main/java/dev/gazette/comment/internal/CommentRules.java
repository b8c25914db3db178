package dev.gazette.comment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gazette.article.Article;
import dev.gazette.article.MarkdownNesting;
import dev.gazette.comment.Comment;
import dev.gazette.comment.CommentProperties;
import dev.gazette.comment.Commenter;
import dev.gazette.mail.EmailAddresses;
import dev.gazette.refusal.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * What a comment may say and where it may stand: its length, nesting and rendered size, a guest's name and address,
 * and a parent that is published on the same article. One place for the rules a post and an edit share, each answered
 * as the field at fault and why, so the form and the API show the same words.
 */
@Component
public class CommentRules {

	private final CommentRepository repository;

	private final GuestNames guestNames;

	CommentRules(CommentRepository repository, GuestNames guestNames) {
		this.repository = repository;
		this.guestNames = guestNames;
	}

	/** Rendering is skipped for an oversized text: it is refused anyway, and rendering it would be wasted work. */
	public CommentText.Rendered rendered(String body) {
		return CommentText.length(body) <= CommentProperties.MAX_BODY ? CommentText.render(body)
				: CommentText.Rendered.NOT_RENDERED;
	}

	public Optional<FieldProblem> bodyProblem(String body, CommentText.Rendered rendered) {
		if (body.isEmpty()) {
			return Optional.of(new FieldProblem("body", "Please write a comment."));
		}
		if (CommentText.length(body) > CommentProperties.MAX_BODY) {
			return Optional.of(new FieldProblem("body", "A comment can be at most " + CommentProperties.MAX_BODY
					+ " characters long; this one has " + CommentText.length(body) + "."));
		}
		if (rendered.tooDeep()) {
			return Optional.of(new FieldProblem("body", MarkdownNesting.PROBLEM));
		}
		if (rendered.html().length() > CommentText.MAX_HTML) {
			return Optional.of(new FieldProblem("body", "This comment repeats its links too often to be shown: please shorten it."));
		}
		return Optional.empty();
	}

	public List<FieldProblem> problems(Article article, String body, CommentText.Rendered rendered,
			Commenter commenter, Long parentId) {
		List<FieldProblem> problems = new ArrayList<>();
		bodyProblem(body, rendered).ifPresent(problems::add);
		String name = commenter.name();
		if (CommentText.length(name) > CommentProperties.MAX_NAME) {
			problems.add(new FieldProblem("authorName",
					"A display name can be at most " + CommentProperties.MAX_NAME + " characters long."));
		}
		else if (commenter.isGuest()) {
			guestNames.problem(name).ifPresent(problems::add);
		}
		String email = commenter.guestEmail();
		if (email != null && !EmailAddresses.isValid(email)) {
			problems.add(new FieldProblem("guestEmail", "That does not look like an e-mail address."));
		}
		parentProblem(article, parentId).ifPresent(problems::add);
		return problems;
	}

	public Optional<FieldProblem> parentProblem(Article article, Long parentId) {
		if (parentId == null) {
			return Optional.empty();
		}
		Optional<Comment> parent = repository.find(parentId);
		if (parent.isEmpty() || !parent.get().isPublished()) {
			return Optional.of(new FieldProblem("parentId", "The comment you are replying to does not exist."));
		}
		if (parent.get().articleId() != article.id()) {
			return Optional.of(new FieldProblem("parentId", "The comment you are replying to is on another article."));
		}
		return Optional.empty();
	}
}
