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
 * A text field of at most {@link #value()} characters, counted after {@link String#strip()} (what the service
 * stores), so spaces typed around a text never make it too long. Characters are what a reader counts
 * ({@link Count#CHARACTERS}, code points: an emoji is one) unless a field kept Java's count
 * ({@link Count#UTF16_UNITS}, an emoji is two), as some of Gazette's first forms did. A missing field passes; say
 * {@link Filled} when it is needed. Bean Validation's {@code @Size} counts UTF-16 units of the text as typed.
 */
@Documented
@Constraint(validatedBy = MaxLength.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxLength {

	int value();

	Count count() default Count.CHARACTERS;

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** How a text's length is counted. */
	enum Count {
		/** Unicode code points. */
		CHARACTERS,
		/** Java's {@code String.length()}. */
		UTF16_UNITS
	}

	/** Checks {@link MaxLength}. */
	final class Check implements ConstraintValidator<MaxLength, CharSequence> {

		private int max;

		private Count count;

		@Override
		public void initialize(MaxLength constraint) {
			this.max = constraint.value();
			this.count = constraint.count();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String text = value.toString().strip();
			int length = count == Count.CHARACTERS ? text.codePointCount(0, text.length()) : text.length();
			return length <= max;
		}
	}
}
