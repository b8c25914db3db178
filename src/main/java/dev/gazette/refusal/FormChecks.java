package dev.gazette.refusal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * What Bean Validation found wrong with a page's form, as the page shows it. A page takes its form record with
 * {@code @Valid} and the {@code BindingResult} beside it, and before it calls its service:
 * <pre>
 * FormChecks.refuseIf(checks, TokenForm.class, problems -&gt; new AccountProblem(TokenForm.PROBLEM, problems));
 * </pre>
 * so a form refused for its shape takes the page's one refusal path, the one its service's refusals take: the same
 * status, the same messages, the fields marked and the reader's text kept.
 * <p>
 * The problems are one {@link FieldProblem} a field, the fields in the record's order, each with the message of its
 * first constraint that failed in the order they are written on the component (constraints on a list's elements come
 * after those on the list). Bean Validation hands its findings over in no fixed order and may find several on one
 * field, where Gazette's pages always said one thing a field and read their fields top to bottom; the form record's
 * order makes that the same every time. An element's problem ({@code event[1]}) is its list's ({@code event}).
 * <p>
 * Form records here take text (strings and lists of strings), which always binds; a value that could not be bound at
 * all ({@code typeMismatch}) is a mistake in the form record, not the reader's, and is not turned into a message.
 */
public final class FormChecks {

	private FormChecks() {
	}

	/**
	 * Throws the page's refusal, made from the problems, when there are any.
	 * @throws R the page's refusal
	 */
	public static <R extends RuntimeException> void refuseIf(Errors checks, Class<? extends Record> form,
			Function<List<FieldProblem>, R> refusal) {
		List<FieldProblem> problems = problems(checks, form);
		if (!problems.isEmpty()) {
			throw refusal.apply(problems);
		}
	}

	/** The problems, one a field, in the record's order; empty when the form is as it should be. */
	public static List<FieldProblem> problems(Errors checks, Class<? extends Record> form) {
		if (checks.hasGlobalErrors()) {
			throw new IllegalStateException("Form records carry no class-level constraints: " + checks.getGlobalErrors());
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (RecordComponent component : form.getRecordComponents()) {
			String name = component.getName();
			List<String> order = constraintOrder(form, name);
			first(checks.getFieldErrors().stream().filter(error -> fieldOf(error).equals(name)).toList(), order)
				.ifPresent(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
		}
		return List.copyOf(problems);
	}

	private static Optional<FieldError> first(List<FieldError> errors, List<String> order) {
		for (FieldError error : errors) {
			if (error.isBindingFailure()) {
				throw new IllegalStateException("A form record's text field could not be bound: " + error);
			}
		}
		return errors.stream().min(Comparator.comparingInt(error -> {
			int at = order.indexOf(error.getCode());
			return at < 0 ? order.size() : at;
		}));
	}

	/** {@code event[1]} and {@code event} are both the component {@code event}. */
	private static String fieldOf(FieldError error) {
		String field = error.getField();
		int cut = field.length();
		for (char mark : new char[] { '[', '.' }) {
			int at = field.indexOf(mark);
			if (at >= 0) {
				cut = Math.min(cut, at);
			}
		}
		return field.substring(0, cut);
	}

	/**
	 * The simple names of the component's constraints as written (Spring's error code for a constraint is its simple
	 * name), then those on its elements.
	 */
	private static List<String> constraintOrder(Class<? extends Record> form, String name) {
		Field field;
		try {
			field = form.getDeclaredField(name);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
		List<String> order = new ArrayList<>();
		for (Annotation annotation : field.getDeclaredAnnotations()) {
			order.add(annotation.annotationType().getSimpleName());
		}
		if (field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized) {
			for (AnnotatedType element : parameterized.getAnnotatedActualTypeArguments()) {
				for (Annotation annotation : element.getDeclaredAnnotations()) {
					order.add(annotation.annotationType().getSimpleName());
				}
			}
		}
		return order;
	}
}
