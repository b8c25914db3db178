package dev.gazette.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The messages the account feature sends. Each carries a single-use link built from the site's public address. */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	void verifyAddress(Account account, String link) {
		log.info("verify {} {}", account.email(), link);
	}

	void alreadyRegistered(Account account, String signInLink, String resetLink) {
		log.info("already registered {}", account.email());
	}

	void resetPassword(Account account, String link) {
		log.info("reset {} {}", account.email(), link);
	}

	void confirmNewAddress(Account account, String newEmail, String link) {
		log.info("confirm new address {} {}", newEmail, link);
	}

	void passwordChanged(Account account) {
		log.info("password changed {}", account.email());
	}
}
