package dev.gazette.article;

import java.util.List;

/**
 * A change to sections, tags, authors or pages that was refused; nothing was changed. {@link #problems()} name the
 * form fields at fault (none when the message is about the whole request).
 */
public class Refused extends RuntimeException {

	/** What is wrong with one field. */
	public record Problem(String field, String message) {
	}

	private final transient List<Problem> problems;

	Refused(String message, List<Problem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	Refused(String message) {
		this(message, List.of());
	}

	public List<Problem> problems() {
		return problems;
	}
}
