package dev.gazette.account.internal;

import dev.gazette.account.AccountPrincipal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks accounts up by e-mail address for sign-in and remember-me. */
@Component
public class AccountUserDetails implements UserDetailsService {

	private final AccountRepository repository;

	public AccountUserDetails(AccountRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return repository.byEmail(AccountFields.normalise(email))
			.map(stored -> new AccountPrincipal(stored.account(), stored.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}
}
