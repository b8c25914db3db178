package dev.gazette.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.moderation.classifier.TextNormalizer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The banned (reject) and suspect (hold) words and phrases, editable by admins. A comment and each phrase go through
 * the classifier's normaliser (case, diacritics, l33t, spaced or dotted letters, repeated letters), and a phrase
 * matches only as whole words in a row: “ass” does not fire inside “class” or “Scunthorpe”-style place names.
 */
@Service
public class WordLists {

	/** One entry; {@code tokens} is the phrase as the normaliser sees it. */
	public record Entry(long id, String phrase, Kind kind, List<String> tokens) {
	}

	public enum Kind {
		BANNED, SUSPECT;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** @throws IllegalArgumentException saying which kinds there are, for a key that is neither */
		public static Kind fromKey(String key) {
			for (Kind kind : values()) {
				if (kind.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
					return kind;
				}
			}
			throw new IllegalArgumentException("A word goes on the banned list or the suspect list.");
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Lists change rarely; each node rereads them after a change of its own, or a minute after another node's. */
	private final Cache<Boolean, List<Entry>> entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

	WordLists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The entries whose phrase occurs in {@code text}. */
	public List<Entry> matches(String text) {
		List<String> words = canonical(TextNormalizer.tokens(text));
		List<Entry> found = new ArrayList<>();
		for (Entry entry : all()) {
			if (!entry.tokens().isEmpty() && java.util.Collections.indexOfSubList(words, entry.tokens()) >= 0) {
				found.add(entry);
			}
		}
		return found;
	}

	@Transactional(readOnly = true)
	public List<Entry> all() {
		return entries.get(Boolean.TRUE, all -> List.copyOf(jdbc.sql("select id, phrase, kind from moderation_word order by kind, phrase")
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("phrase"),
					Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
					canonical(TextNormalizer.tokens(rs.getString("phrase")))))
			.list()));
	}

	/**
	 * Every run of a repeated letter as one letter, in text and phrases alike, so “staaain” meets “stain” while
	 * “kill” and “kil” stay the same word on both sides.
	 */
	private static List<String> canonical(List<String> tokens) {
		return tokens.stream().map(token -> token.replaceAll("(.)\\1+", "$1")).toList();
	}

	/** @throws IllegalArgumentException when the phrase is blank, too long or already listed */
	@Transactional
	public void add(String phrase, Kind kind) {
		String clean = phrase == null ? "" : phrase.strip();
		if (clean.isEmpty() || clean.length() > 200 || TextNormalizer.tokens(clean).isEmpty()) {
			throw new IllegalArgumentException("Give a word or phrase of 1 to 200 characters.");
		}
		long existing = jdbc.sql("select count(*) from moderation_word where lower(phrase) = :phrase")
			.param("phrase", clean.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single();
		if (existing > 0) {
			throw new IllegalArgumentException("“" + clean + "” is already on a list.");
		}
		jdbc.sql("insert into moderation_word (phrase, kind, created_at) values (:phrase, :kind, :now)")
			.param("phrase", clean)
			.param("kind", kind.key())
			.param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		entries.invalidateAll();
	}

	@Transactional
	public void remove(long id) {
		jdbc.sql("delete from moderation_word where id = :id").param("id", id).update();
		entries.invalidateAll();
	}
}
