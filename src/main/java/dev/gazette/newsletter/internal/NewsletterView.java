package dev.gazette.newsletter.internal;

import java.util.List;
import java.util.Map;

import dev.gazette.article.Section;

/**
 * The newsletter page: the form as the reader left it (or with their saved choices), the sections to choose from,
 * and what just happened. Public for the template only.
 *
 * @param accountEmail the signed-in reader's address, or {@code null} for a guest (who types one)
 * @param subscribed whether the signed-in reader gets the newsletter
 * @param values what the form shows: {@code email}, {@code frequency}
 * @param chosen the sections ticked
 * @param errors what to fix, by field
 * @param message about the whole form: a problem, or {@code null}
 * @param status what just happened (request sent, choices saved), or {@code null}
 */
public record NewsletterView(List<Section> sections, String accountEmail, boolean subscribed, Map<String, String> values,
		List<String> chosen, Map<String, String> errors, String message, String status) {

	public boolean signedIn() {
		return accountEmail != null;
	}

	public String value(String field) {
		String value = values.get(field);
		return value == null ? "" : value;
	}

	public String errorFor(String field) {
		return errors.get(field);
	}

	public boolean isChosen(Section section) {
		return chosen.contains(section.slug());
	}

	public boolean isFrequency(String frequency) {
		return frequency.equals(values.get("frequency"));
	}
}
