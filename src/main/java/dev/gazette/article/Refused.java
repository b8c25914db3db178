package dev.gazette.article;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.Refusal;

/**
 * A change to sections, tags, authors or pages that was refused; nothing was changed. {@link #errors()} name the form
 * fields at fault (400); with none, the message is about the whole request, which clashes with what is there (409).
 */
public class Refused extends Refusal {

	Refused(String message, List<FieldProblem> problems) {
		super(problems.isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, message, problems);
	}

	Refused(String message) {
		this(message, List.of());
	}
}
