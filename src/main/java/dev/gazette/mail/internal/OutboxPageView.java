package dev.gazette.mail.internal;

import java.util.List;

/**
 * A page of the outbox as the admin page shows it, newest first; every time already written out.
 *
 * @param delivers whether mail leaves by SMTP (otherwise the outbox is the only place it exists)
 */
public record OutboxPageView(List<Row> rows, int page, int totalPages, long total, boolean delivers) {

	public static final String PATH = "/admin/outbox";

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < totalPages;
	}

	public String pageUrl(int number) {
		return number <= 1 ? PATH : PATH + "?page=" + number;
	}

	/** One mail in the list. {@code lastError} is {@code null} when no attempt failed. */
	public record Row(long id, String created, String recipient, String subject, String category, String status,
			int attempts, String lastError) {

		public String path() {
			return PATH + "/" + id;
		}
	}
}
