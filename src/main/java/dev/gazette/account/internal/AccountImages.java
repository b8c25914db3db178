package dev.gazette.account.internal;

import dev.gazette.account.AccountProblem;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Uploaded avatars, kept in the database (small PNGs) so every node serves the same picture. */
@Service
public class AccountImages {

	private final AccountRepository repository;

	private final Avatars avatars;

	public AccountImages(AccountRepository repository, Avatars avatars) {
		this.repository = repository;
		this.avatars = avatars;
	}

	/** @throws AccountProblem when the upload is not a usable picture */
	@Transactional
	public void upload(long accountId, byte[] bytes) {
		repository.setAvatar(accountId, avatars.normalise(bytes));
	}

	@Transactional
	public void remove(long accountId) {
		repository.setAvatar(accountId, null);
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> png(long accountId) {
		return repository.avatar(accountId);
	}
}
