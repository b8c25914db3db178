package dev.gazette.webhook.internal;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can be called for. */
public enum WebhookEvent {

	ARTICLE_PUBLISHED("article.published"), COMMENT_PUBLISHED("comment.published");

	private final String key;

	WebhookEvent(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	static Optional<WebhookEvent> parse(String key) {
		return Arrays.stream(values()).filter(event -> event.key.equals(key)).findFirst();
	}
}
