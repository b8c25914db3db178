package dev.gazette.newsletter.internal;

import dev.gazette.newsletter.Newsletter;

import java.time.DayOfWeek;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Newsletter settings under {@code gazette.newsletter.*}.
 *
 * @param sendHour the hour (0–23, in the publication's time zone) at which digests go out
 * @param weeklyDay the day the weekly digest goes out
 * @param confirmValidFor how long a guest's confirmation link works; unconfirmed requests are then forgotten
 * @param resendAfter a new confirmation mail to the same address is sent at most this often
 * @param pollInterval how often each node checks whether an issue is due and mails pending deliveries
 * @param perAddress guests' subscription requests (each may mail a confirmation) per client address per
 * {@code perAddressPeriod}, page and API together; one client cannot mail-bomb many strangers' inboxes
 * @param perAddressPeriod the period {@code perAddress} counts over
 */
@ConfigurationProperties("gazette.newsletter")
public record NewsletterProperties(@DefaultValue("7") int sendHour, @DefaultValue("MONDAY") DayOfWeek weeklyDay,
		@DefaultValue("2d") Duration confirmValidFor, @DefaultValue("10m") Duration resendAfter,
		@DefaultValue("1m") Duration pollInterval, @DefaultValue("5") int perAddress,
		@DefaultValue("1h") Duration perAddressPeriod) {

	public NewsletterProperties {
		if (sendHour < 0 || sendHour > 23) {
			throw new IllegalArgumentException("gazette.newsletter.send-hour must be 0 to 23, not " + sendHour);
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || confirmValidFor.isNegative() || confirmValidFor.isZero()) {
			throw new IllegalArgumentException("gazette.newsletter.poll-interval and confirm-valid-for must be positive");
		}
	}
}
