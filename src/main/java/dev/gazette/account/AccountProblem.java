package dev.gazette.account;

import java.util.List;

/**
 * A request about an account that cannot be carried out as asked. Nothing was changed. {@code errors} say what to
 * fix, field by field; the message is safe to show (it never tells whether an address is registered).
 */
public class AccountProblem extends RuntimeException {

	/** A problem with one field: {@code email}, {@code displayName}, {@code password}, ... */
	public record FieldProblem(String field, String message) {
	}

	private final transient List<FieldProblem> errors;

	public AccountProblem(String message, List<FieldProblem> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public AccountProblem(String message) {
		this(message, List.of());
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	public String errorFor(String field) {
		return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}
}
