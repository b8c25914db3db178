package dev.gazette.account.internal;

import dev.gazette.publication.NameKeyMigration;
import org.springframework.stereotype.Component;

/** Migration 19.1: the name keys of the accounts that existed before migration 19. */
@Component
public class AccountNameKeys extends NameKeyMigration {

	public AccountNameKeys() {
		super("19.1", "account");
	}
}
