package dev.gazette.account;

import java.util.List;

/** One page of people with the roles an admin can hand out. */
public record PeopleView(List<Account> accounts, String query, int page, long total, int pageSize,
		List<Role> grantable, String changed, String problem) {

	public boolean hasNext() {
		return (long) page * pageSize < total;
	}
}
