package dev.gazette.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reply notification settings under {@code gazette.notifications.*}.
 *
 * @param replyBatchWindow how long after the first reply a notification waits for more replies to send with it
 * @param pollInterval how often each node looks for notifications that are due
 */
@ConfigurationProperties("gazette.notifications")
record NotificationProperties(@DefaultValue("15m") Duration replyBatchWindow, @DefaultValue("30s") Duration pollInterval) {

	NotificationProperties {
		if (replyBatchWindow.isNegative()) {
			throw new IllegalArgumentException("gazette.notifications.reply-batch-window cannot be negative");
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("gazette.notifications.poll-interval must be positive, not " + pollInterval);
		}
	}
}
