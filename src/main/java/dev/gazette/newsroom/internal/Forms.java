package dev.gazette.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.account.FormState;
import dev.gazette.article.Refused;

/** Turns what a newsroom form sent, and why it was refused, into the {@link FormState} the templates show. */
public final class Forms {

	private Forms() {
	}

	/** The values as typed, without nulls (a missing field shows empty). */
	public static Map<String, String> values(String... namesAndValues) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
		}
		return values;
	}

	public static FormState failed(Map<String, String> values, Refused refused) {
		return new FormState(values, refused.errors(), refused.getMessage());
	}
}
