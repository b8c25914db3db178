package dev.gazette.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;
import dev.gazette.account.PersonalData;

import org.springframework.stereotype.Component;

/**
 * A person's pitches in "download your data": those sent from their account's address, and the one that made them a
 * contributor.
 */
@Component
public class PitchersData implements PersonalData {

	private final PitchRepository repository;

	private final Accounts accounts;

	public PitchersData(PitchRepository repository, Accounts accounts) {
		this.repository = repository;
		this.accounts = accounts;
	}

	@Override
	public String section() {
		return "pitches";
	}

	@Override
	public Object export(long accountId) {
		String email = accounts.find(accountId).map(Account::email).orElse(null);
		return repository.ofPerson(email, accountId).stream().map(pitch -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("sentAt", pitch.createdAt().toString());
			row.put("name", pitch.name());
			row.put("email", pitch.email());
			row.put("summary", pitch.summary());
			row.put("sample", pitch.sample());
			row.put("sampleUrl", pitch.sampleUrl());
			row.put("status", pitch.status());
			row.put("decidedAt", pitch.decidedAt() == null ? null : pitch.decidedAt().toString());
			row.put("decisionMessage", pitch.decisionMessage());
			return row;
		}).toList();
	}
}
