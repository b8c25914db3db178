package dev.gazette.account.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep the account pages from being abused, under {@code gazette.accounts.*}. Each is a number of
 * attempts per period (Bucket4j token buckets, refilled gradually).
 *
 * @param signInPerAddress sign-in attempts per client address
 * @param signInPerAccount sign-in attempts per e-mail address tried from one client (address, IPv6 by /64); also the
 * failures after which the owner is told by mail, once a period
 * @param signInPerAccountTotal sign-in attempts per e-mail address from every client together; only clients that
 * have failed for that address meet it, so a stranger's guessing cannot keep the owner out
 * @param signUpPerAddress sign-ups (and requests for a new verification link) per client address
 * @param resetPerAddress password-reset requests per client address
 * @param period the period all the limits above count over
 * @param adminEmail first admin's address, created on start when there is no admin (env GAZETTE_ADMIN_EMAIL)
 * @param adminPassword first admin's password (env GAZETTE_ADMIN_PASSWORD)
 */
@ConfigurationProperties("gazette.accounts")
public record AccountProperties(@DefaultValue("20") int signInPerAddress, @DefaultValue("10") int signInPerAccount,
		@DefaultValue("100") int signInPerAccountTotal,
		@DefaultValue("5") int signUpPerAddress, @DefaultValue("5") int resetPerAddress,
		@DefaultValue("15m") Duration period, String adminEmail, String adminPassword) {
}
