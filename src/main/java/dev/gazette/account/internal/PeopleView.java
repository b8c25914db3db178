package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.Role;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One page of people with the roles an admin can hand out. */
public record PeopleView(List<Account> accounts, String query, int page, long total, int pageSize,
		List<Role> grantable, String changed, String problem) {

	public boolean hasNext() {
		return (long) page * pageSize < total;
	}

	/** The next page of the same search; the query is encoded, so a name with spaces or {@code &} survives. */
	public String nextPagePath() {
		return "/admin/people?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=" + (page + 1);
	}
}
