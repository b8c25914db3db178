package dev.gazette.account.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gazette.account.AccountEvents.AccountDeleted;
import dev.gazette.account.internal.AccountRepository.StoredAccount;
import dev.gazette.account.Account;
import dev.gazette.account.AccountEvents;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.Passwords;
import dev.gazette.account.PersonalData;
import dev.gazette.account.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's rights over what Gazette holds about them, the "Your data" part of the settings: a copy of all of it, and
 * deleting the account. Both reach every feature that holds personal data — the copy through {@link PersonalData},
 * the deletion through {@link AccountDeleted} — so they change together when such a feature is added. (Issue 20
 * suggested the name {@code PersonalDataExport}; deletion belongs here too, and the name says so.)
 */
@Service
public class YourData {

	private final AccountRepository repository;

	private final Passwords passwords;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PersonalData> personalData;

	private final Clock clock;

	private final Sessions sessions;

	public YourData(AccountRepository repository, Passwords passwords, ApplicationEventPublisher events,
			ObjectProvider<PersonalData> personalData, Clock clock, Sessions sessions) {
		this.repository = repository;
		this.passwords = passwords;
		this.events = events;
		this.personalData = personalData;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** Everything Gazette holds about the account, ready to be written as JSON. */
	@Transactional(readOnly = true)
	public Map<String, Object> export(long accountId) {
		Account account = repository.byId(accountId).orElseThrow().account();
		Map<String, Object> data = new LinkedHashMap<>();
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", account.id());
		profile.put("email", account.email());
		profile.put("emailVerified", account.emailVerified());
		profile.put("displayName", account.displayName());
		profile.put("bio", account.bio());
		profile.put("roles", account.roles().stream().map(Role::key).sorted().toList());
		profile.put("hasUploadedAvatar", account.hasAvatar());
		profile.put("replyNotifications", account.replyNotifications());
		profile.put("newsletter", account.newsletter());
		profile.put("createdAt", account.createdAt().toString());
		data.put("account", profile);
		data.put("history", repository.events(accountId));
		personalData.orderedStream().forEach(part -> data.put(part.section(), part.export(accountId)));
		return data;
	}

	/**
	 * Deletes an account for good. Its comments stay in their threads as "[deleted]" without their text, or go
	 * entirely when {@code removeContributions}. The deletion itself is recorded.
	 * @throws AccountProblem when the password is wrong
	 */
	@Transactional
	public void delete(long accountId, String currentPassword, boolean removeContributions) {
		StoredAccount stored = repository.byId(accountId).orElseThrow();
		passwords.requireCurrent(stored, currentPassword);
		repository.record(accountId, "deleted", removeContributions ? "contributions removed" : "contributions kept as [deleted]",
				accountId, clock.instant());
		repository.delete(accountId);
		sessions.endAll(stored.account().email());
		events.publishEvent(new AccountDeleted(accountId, removeContributions));
	}
}
