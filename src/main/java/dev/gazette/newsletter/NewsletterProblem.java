package dev.gazette.newsletter;

import java.util.List;

/** A subscription request that was refused, with what is wrong in each field; nothing was stored or sent. */
class NewsletterProblem extends RuntimeException {

	record FieldProblem(String field, String message) {
	}

	private final transient List<FieldProblem> errors;

	NewsletterProblem(String message, List<FieldProblem> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	List<FieldProblem> errors() {
		return errors;
	}

	String errorFor(String field) {
		return errors.stream().filter(error -> error.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}
}
