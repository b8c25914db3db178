package dev.gazette.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security holds it (in the session, shared by every node through Spring Session
 * JDBC). The user name is the e-mail address; {@link #id()} is what features store.
 */
public final class AccountPrincipal implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String displayName;

	private final Set<Role> roles;

	private final transient String passwordHash;

	private final boolean verified;

	public AccountPrincipal(Account account, String passwordHash) {
		this.id = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.roles = Set.copyOf(account.roles());
		this.passwordHash = passwordHash;
		this.verified = account.emailVerified();
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public boolean has(Role role) {
		return roles.contains(role) || roles.contains(Role.ADMIN);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	/** Only verified addresses may sign in: an unverified account could belong to anyone who typed the address. */
	@Override
	public boolean isEnabled() {
		return verified;
	}
}
