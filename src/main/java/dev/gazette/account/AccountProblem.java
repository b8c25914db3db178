package dev.gazette.account;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.Refusal;

/**
 * A request about an account that cannot be carried out as asked (400). Nothing was changed. {@code errors} say what
 * to fix, field by field ({@code email}, {@code displayName}, {@code password}, ...); the message is safe to show (it
 * never tells whether an address is registered).
 */
public class AccountProblem extends Refusal {

	public AccountProblem(String message, List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, message, errors);
	}

	public AccountProblem(String message) {
		this(message, List.of());
	}
}
