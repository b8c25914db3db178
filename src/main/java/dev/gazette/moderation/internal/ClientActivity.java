package dev.gazette.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * What each client (an opaque key of its network address, see {@code dev.gazette.comment.ClientKeys}) posted in the
 * last hour on this node: the times and a digest of each text. Guests who give no e-mail address have no history in
 * the database, so this is what lets the spam checks see a guest's burst of posts or the same text posted again.
 * <p>
 * Per node and in memory by design: the checks look minutes back, a restart forgets little, and a load balancer
 * with sticky or hashed routing keeps one client on one node. At most 100,000 clients and 50 posts each are kept.
 */
@Component
public class ClientActivity {

	static final Duration MEMORY = Duration.ofHours(1);

	private static final int POSTS_PER_CLIENT = 50;

	private record Post(Instant at, String text) {
	}

	private final Cache<String, Deque<Post>> posts = Caffeine.newBuilder()
		.expireAfterWrite(MEMORY)
		.maximumSize(100_000)
		.build();

	/** Remembers that this client posted this text now. */
	public void record(String client, String text, Instant now) {
		if (client == null) {
			return;
		}
		Deque<Post> deque = posts.get(client, k -> new ArrayDeque<>());
		synchronized (deque) {
			deque.addLast(new Post(now, normalise(text)));
			while (deque.size() > POSTS_PER_CLIENT) {
				deque.removeFirst();
			}
		}
		posts.put(client, deque);
	}

	/** How many posts this client made after {@code since}. */
	public int postsSince(String client, Instant since) {
		Deque<Post> deque = client == null ? null : posts.getIfPresent(client);
		if (deque == null) {
			return 0;
		}
		synchronized (deque) {
			return (int) deque.stream().filter(post -> post.at().isAfter(since)).count();
		}
	}

	/** Whether this client posted the same text (ignoring case and surrounding space) in the last hour. */
	public boolean postedBefore(String client, String text, Instant now) {
		Deque<Post> deque = client == null ? null : posts.getIfPresent(client);
		if (deque == null) {
			return false;
		}
		String normalised = normalise(text);
		Instant since = now.minus(MEMORY);
		synchronized (deque) {
			return deque.stream().anyMatch(post -> post.at().isAfter(since) && post.text().equals(normalised));
		}
	}

	private static String normalise(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}
}
