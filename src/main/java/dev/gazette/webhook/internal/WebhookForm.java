package dev.gazette.webhook.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import dev.gazette.refusal.Filled;
import dev.gazette.refusal.MaxLength;
import dev.gazette.refusal.MaxLength.Count;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotEmpty;

/**
 * The form that registers a webhook, as posted ({@code event} once for each box ticked). Every rule is the request's
 * shape, so all are constraints; the page says the first one broken, reading the form from the top, as it always did.
 * {@link Webhooks#register} stores what passed.
 */
record WebhookForm(
		@Filled(message = "Please give the address to call.")
		@MaxLength(value = 2000, count = Count.UTF16_UNITS, message = "The address can be at most 2,000 characters long.")
		@WebAddress String url,
		@NotEmpty(message = "Please choose at least one event.") List<@KnownEvent String> event,
		@MaxLength(value = 100, message = "A description can be at most 100 characters long.") String description) {

	/**
	 * An address a webhook can call: http or https, with a host, and neither a user's name and password (they would
	 * be shown on the page and in every delivery's log) nor a fragment (never sent). A blank one passes; it is
	 * {@link Filled}'s.
	 */
	@Documented
	@Constraint(validatedBy = WebAddress.Check.class)
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@interface WebAddress {

		String message() default "The address must be an http or https URL with a host, such as https://example.com/hooks/gazette.";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		final class Check implements ConstraintValidator<WebAddress, String> {

			@Override
			public boolean isValid(String value, ConstraintValidatorContext context) {
				String text = value == null ? "" : value.strip();
				if (text.isEmpty()) {
					return true;
				}
				try {
					URI uri = new URI(text);
					String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
					return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
							&& uri.getRawUserInfo() == null && uri.getRawFragment() == null;
				}
				catch (URISyntaxException ex) {
					return false;
				}
			}
		}
	}

	/** One of the {@link WebhookEvent}s' keys. */
	@Documented
	@Constraint(validatedBy = KnownEvent.Check.class)
	@Target(ElementType.TYPE_USE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface KnownEvent {

		String message() default "Please choose events from the list.";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		final class Check implements ConstraintValidator<KnownEvent, String> {

			@Override
			public boolean isValid(String value, ConstraintValidatorContext context) {
				return WebhookEvent.parse(value).isPresent();
			}
		}
	}
}
