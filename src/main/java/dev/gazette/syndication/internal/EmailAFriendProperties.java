package dev.gazette.syndication.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep “email a copy to a friend” from being used to send spam, under {@code gazette.email-a-friend.*}.
 * Each counts messages (one per recipient) per period, in Bucket4j token buckets refilled gradually.
 *
 * @param perAddress messages per client address
 * @param perAccount messages per signed-in account, wherever it signs in from
 * @param perRecipient messages to any one address, from everyone together
 * @param period the period the limits count over
 */
@ConfigurationProperties("gazette.email-a-friend")
public record EmailAFriendProperties(@DefaultValue("20") int perAddress, @DefaultValue("30") int perAccount,
		@DefaultValue("5") int perRecipient, @DefaultValue("1h") Duration period) {
}
