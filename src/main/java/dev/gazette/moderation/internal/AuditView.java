package dev.gazette.moderation.internal;

import dev.gazette.moderation.AuditLog;

import java.nio.charset.StandardCharsets;

/** A page of the audit log with its filter. */
public record AuditView(java.util.List<AuditLog.Entry> entries, long total, int page, int pageSize, String action,
		String actor, Long comment, String from, String to, java.util.Map<Long, String> actorNames) {

	/** Who decided: "system", the moderator's display name, or the number of an account that is gone. */
	public String who(AuditLog.Entry entry) {
		if (entry.bySystem()) {
			return "system";
		}
		String name = actorNames.get(entry.actorId());
		return name != null ? name : "account #" + entry.actorId() + " (deleted)";
	}

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
