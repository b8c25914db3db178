package dev.gazette.web;

import java.util.List;

/**
 * A refused form's page: whether it came from this site (then {@code action} and {@code fields} hold what to send
 * again), and whether it was an upload (whose file the browser must be asked for again).
 */
public record RefusedFormView(boolean fromThisSite, boolean upload, String action, List<Field> fields) {

	public boolean canSendAgain() {
		return action != null;
	}

	public boolean asksForPassword() {
		return fields.stream().anyMatch(field -> field.kind() == Kind.PASSWORD);
	}

	/** One field as it was sent (a password's value never comes back). */
	public record Field(String name, String label, String value, Kind kind) {

		/** An id for the field's label, unique on the page. */
		public String id(int index) {
			return "resend-" + index;
		}
	}

	public enum Kind {
		TEXT, LONG_TEXT, PASSWORD, HIDDEN
	}
}
