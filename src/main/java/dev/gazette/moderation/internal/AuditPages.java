package dev.gazette.moderation.internal;

import dev.gazette.moderation.AuditLog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/moderation/audit}: the audit log for admins, filtered, paged, and as CSV. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class AuditPages {

	static final int PAGE_SIZE = 100;

	static final int CSV_LIMIT = 100_000;

	private final AuditLog audit;

	private final dev.gazette.account.Accounts accounts;

	public AuditPages(AuditLog audit, dev.gazette.account.Accounts accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@GetMapping("/admin/moderation/audit")
	public String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Long comment, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
		AuditLog.Filter filter = filter(action, actor, comment, from, to);
		int current = Math.max(1, page);
		java.util.List<AuditLog.Entry> entries = audit.find(filter, PAGE_SIZE, (long) (current - 1) * PAGE_SIZE);
		model.addAttribute("audit", new AuditView(entries, audit.count(filter), current, PAGE_SIZE, action, actor,
				comment, from, to, actorNames(accounts, entries)));
		return "moderation/audit";
	}

	@GetMapping("/admin/moderation/audit.csv")
	public ResponseEntity<byte[]> csv(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Long comment, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		StringBuilder csv = new StringBuilder("id,occurred_at,comment_id,subject_account_id,actor,action,reason,detail\r\n");
		for (AuditLog.Entry entry : audit.find(filter(action, actor, comment, from, to), CSV_LIMIT, 0)) {
			csv.append(entry.id()).append(',')
				.append(entry.at()).append(',')
				.append(entry.commentId() == null ? "" : entry.commentId()).append(',')
				.append(entry.subjectId() == null ? "" : entry.subjectId()).append(',')
				.append(entry.bySystem() ? "system" : entry.actorId()).append(',')
				.append(cell(entry.action())).append(',')
				.append(cell(entry.reason())).append(',')
				.append(cell(entry.detail())).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"moderation-audit.csv\"")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula. */
	public static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static AuditLog.Filter filter(String action, String actor, Long comment, String from, String to) {
		Long actorId = null;
		if ("system".equals(actor)) {
			actorId = 0L;
		}
		else if (actor != null && actor.matches("\\d{1,18}")) {
			actorId = Long.parseLong(actor);
		}
		return new AuditLog.Filter(action == null || action.isBlank() ? null : action.strip(), actorId, comment,
				day(from), day(to) == null ? null : day(to).plusSeconds(86_400));
	}

	private static Instant day(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}


	/** The display names of the people who made these decisions, by account id (a deleted account has none). */
	public static java.util.Map<Long, String> actorNames(dev.gazette.account.Accounts accounts, java.util.List<AuditLog.Entry> entries) {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		for (AuditLog.Entry entry : entries) {
			if (entry.actorId() != null && !names.containsKey(entry.actorId())) {
				accounts.find(entry.actorId()).ifPresent(account -> names.put(entry.actorId(), account.displayName()));
			}
		}
		return names;
	}
}
