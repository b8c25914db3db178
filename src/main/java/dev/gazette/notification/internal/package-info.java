/**
 * The whole of reply notifications: the listener and the batch job ({@code ReplyNotifications}), the pending rows
 * ({@code ReplyQueue}), the settings, and the one-click unsubscribe page. No other module calls into notifications, so
 * the module's base package holds only its description; the mail itself ({@code notification.mail}) is a typed
 * message for the mail module's templates.
 */
package dev.gazette.notification.internal;
