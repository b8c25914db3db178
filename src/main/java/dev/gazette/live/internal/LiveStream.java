package dev.gazette.live.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser tab's event stream: an article's readers get its newly published comments ({@code event: comment}),
 * the moderation console every comment that starts waiting ({@code event: pending}).
 */
final class LiveStream {

	private final SseEmitter emitter;

	/** The article followed, or {@code null} for the moderation console. */
	private final String articleSlug;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Consumer<LiveStream> onClose;

	LiveStream(SseEmitter emitter, String articleSlug, Consumer<LiveStream> onClose) {
		this.emitter = emitter;
		this.articleSlug = articleSlug;
		this.onClose = onClose;
		emitter.onCompletion(this::closed);
		emitter.onError(error -> closed());
		emitter.onTimeout(emitter::complete);
	}

	SseEmitter emitter() {
		return emitter;
	}

	boolean wants(LiveChange change) {
		return articleSlug == null ? change.isPending()
				: change.isPublished() && articleSlug.equals(change.articleSlug());
	}

	/** Sends one change; a stream whose browser has gone is closed. */
	void send(LiveChange change, String json) {
		send(SseEmitter.event().id(Long.toString(change.id())).name(articleSlug == null ? "pending" : "comment")
			.data(json));
	}

	void send(SseEmitter.SseEventBuilder event) {
		if (closed.get()) {
			return;
		}
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException gone) {
			closed();
			emitter.completeWithError(gone);
		}
	}

	/** Ends the stream; the browser reconnects (to this node or another) with {@code Last-Event-ID}. */
	void end() {
		closed();
		emitter.complete();
	}

	private void closed() {
		if (closed.compareAndSet(false, true)) {
			onClose.accept(this);
		}
	}
}
