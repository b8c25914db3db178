/**
 * Reply notifications: when a reply to an account's comment becomes public (posted, or approved by a moderator), its
 * author is told by e-mail, unless they turned it off or replied to themselves. Replies that arrive within
 * {@code gazette.notifications.reply-batch-window} of the first go out together in one mail.
 * <p>
 * Pending notifications are rows ({@code reply_notification}), so they survive restarts; each batch is a job of the
 * job queue, due when its window closes, which some node runs. A recipient's batch is taken from 'pending' in the same transaction that writes its
 * mail to the outbox, so of several nodes exactly one mails it. A reply rejected or deleted before its batch goes out
 * is dropped. Guests who gave an address are never mailed: they did not agree to it.
 * <p>
 * No other feature calls into notifications (they listen to {@code CommentPublished}), so everything is in
 * {@code notification.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "comment",
		"account", "article", "mail", "publication", "jobs" })
package dev.gazette.notification;
