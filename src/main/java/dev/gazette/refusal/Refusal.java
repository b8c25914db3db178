package dev.gazette.refusal;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request refused: nothing was changed. The message is safe to show to whoever asked (it never says more than
 * they may know); {@link #errors()} name the fields to fix, if the refusal is about fields. Features subclass it
 * with their own factories and kinds; the API maps every refusal to problem JSON in one place, so a client reads
 * {@code status}, {@code detail}, {@code errors} and {@code Retry-After} the same way from every endpoint.
 */
public abstract class Refusal extends RuntimeException {

	private final HttpStatus status;

	private final transient List<FieldProblem> errors;

	protected Refusal(HttpStatus status, String message, List<FieldProblem> errors) {
		super(message);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	/** A refusal about one field, or about the request as a whole when {@code field} is {@code null}. */
	protected Refusal(HttpStatus status, String field, String message) {
		this(status, message, field == null ? List.of() : List.of(new FieldProblem(field, message)));
	}

	/** The HTTP status the API answers with. */
	public HttpStatus status() {
		return status;
	}

	/** The fields at fault, in the order they were checked; empty when the refusal is about the whole request. */
	public List<FieldProblem> errors() {
		return errors;
	}

	/** The message for one field, or {@code null} when that field is fine. */
	public String errorFor(String field) {
		return errors.stream().filter(error -> error.field().equals(field)).map(FieldProblem::message).findFirst()
			.orElse(null);
	}

	/** A short summary for the problem's {@code title}; {@code null} leaves the status's reason phrase. */
	public String title() {
		return null;
	}

	/** How long to wait before asking again (a limit was reached), or {@code null}. */
	public Duration retryAfter() {
		return null;
	}
}
