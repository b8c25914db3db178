package dev.gazette.account;

import java.util.List;
import java.util.Map;

import dev.gazette.refusal.FieldProblem;

/**
 * A form as the reader left it: the values they typed (never passwords) and what to fix. {@code message} is about
 * the whole form.
 */
public record FormState(Map<String, String> values, List<FieldProblem> errors, String message) {

	public static FormState empty() {
		return new FormState(Map.of(), List.of(), null);
	}

	public static FormState of(Map<String, String> values) {
		return new FormState(values, List.of(), null);
	}

	public static FormState failed(Map<String, String> values, AccountProblem problem) {
		return new FormState(values, problem.errors(), problem.getMessage());
	}

	public String value(String field) {
		String value = values.get(field);
		return value == null ? "" : value;
	}

	public String errorFor(String field) {
		return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}

	public boolean failed() {
		return message != null || !errors.isEmpty();
	}
}
