package dev.gazette.moderation;

import java.nio.charset.StandardCharsets;

/** A page of the audit log with its filter. */
public record AuditView(java.util.List<AuditLog.Entry> entries, long total, int page, int pageSize, String action,
		String actor, Long comment, String from, String to) {

	public boolean hasNext() {
		return (long) page * pageSize < total;
	}

	public String query() {
		StringBuilder query = new StringBuilder();
		append(query, "action", action);
		append(query, "actor", actor);
		append(query, "comment", comment == null ? null : comment.toString());
		append(query, "from", from);
		append(query, "to", to);
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.append(query.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}
}
