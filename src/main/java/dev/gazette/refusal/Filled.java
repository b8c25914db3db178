package dev.gazette.refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field that must be filled in: something is left once {@link String#strip()} has taken the white space from
 * both ends, which is what the services store. Bean Validation's {@code @NotBlank} trims with {@link String#trim()}
 * instead, which keeps a field of Unicode spaces (U+3000, an em space) and drops a control character, so a form would
 * accept what its service then stores as nothing. There is no default message: each form says it in its own words
 * (a message is taken as written, except that Bean Validation reads braces and dollar signs in it as parameters).
 */
@Documented
@Constraint(validatedBy = Filled.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Filled {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link Filled}. */
	final class Check implements ConstraintValidator<Filled, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value != null && !value.toString().strip().isEmpty();
		}
	}
}
