package dev.gazette.account.internal;

import dev.gazette.account.Accounts;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Remembers failed sign-ins for one period, in this node's memory: which clients failed for which account (only they
 * meet the account's limit over all clients, so a stranger's guessing cannot keep the owner out), and how often an
 * account failed in all. When an account reaches {@code sign-in-per-account} failures its owner is told by mail,
 * once a period, however many more follow.
 */
@Component
public class SignInWatch {

	private final Cache<String, Boolean> failedClients;

	private final Cache<String, AtomicInteger> failures;

	private final Cache<String, Boolean> warned;

	private final AccountProperties properties;

	private final Accounts accounts;

	private final AccountMail mail;

	public SignInWatch(AccountProperties properties, Accounts accounts, AccountMail mail) {
		this.properties = properties;
		this.accounts = accounts;
		this.mail = mail;
		this.failedClients = Caffeine.newBuilder().expireAfterWrite(properties.period()).maximumSize(100_000).build();
		this.failures = Caffeine.newBuilder().expireAfterWrite(properties.period()).maximumSize(100_000).build();
		this.warned = Caffeine.newBuilder().expireAfterWrite(properties.period()).maximumSize(100_000).build();
	}

	/** Whether this client failed to sign in to this account within the period. */
	public boolean hasFailed(String account, String client) {
		return failedClients.getIfPresent(account + "|" + client) != null;
	}

	public void failed(String account, String client) {
		if (account.isEmpty()) {
			return;
		}
		failedClients.put(account + "|" + client, Boolean.TRUE);
		int count = failures.get(account, key -> new AtomicInteger()).incrementAndGet();
		if (count >= properties.signInPerAccount() && warned.asMap().putIfAbsent(account, Boolean.TRUE) == null) {
			accounts.findByEmail(account).ifPresent(owner -> mail.failedSignIns(owner, count, properties.period()));
		}
	}
}
