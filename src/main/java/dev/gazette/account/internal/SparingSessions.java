package dev.gazette.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC repository, writing a session's last access back only once it has moved on by a useful
 * amount. Spring Session sets a session's last access to "now" on every request that reads it, which marks it
 * changed, so the JDBC repository updated the session's row on every page a signed-in reader loaded (a transaction,
 * and on PostgreSQL a round trip, about a seventh of such a page's cost). Sessions here last 30 days idle
 * ({@code spring.session.timeout}); knowing their last access to the second buys nothing. It is written when it is
 * at least {@link #granularity} behind, so a session may end up to that much earlier than its timeout after the
 * reader's true last request. Every other change (signing in, a new session id, an attribute) is saved as before.
 * <p>
 * Wrapped around the repository Spring Boot configures ({@link Wrapping}), not declared as a repository of our own:
 * Spring Boot's JDBC session configuration (the table, its schema, the timeout) stands down when any other session
 * repository exists.
 */
final class SparingSessions<S extends Session> implements FindByIndexNameSessionRepository<SparingSessions.Sparing<S>> {

	/** The most a session's recorded last access may lag: an hour, or a hundredth of a shorter timeout. */
	static Duration granularity(Duration maxInactiveInterval) {
		Duration hundredth = maxInactiveInterval.dividedBy(100);
		return hundredth.compareTo(Duration.ofHours(1)) < 0 ? hundredth : Duration.ofHours(1);
	}

	private final FindByIndexNameSessionRepository<S> sessions;

	SparingSessions(FindByIndexNameSessionRepository<S> sessions) {
		this.sessions = sessions;
	}

	@Override
	public Sparing<S> createSession() {
		return new Sparing<>(sessions.createSession());
	}

	@Override
	public void save(Sparing<S> session) {
		sessions.save(session.session);
	}

	@Override
	public Sparing<S> findById(String id) {
		S found = sessions.findById(id);
		return found == null ? null : new Sparing<>(found);
	}

	@Override
	public void deleteById(String id) {
		sessions.deleteById(id);
	}

	@Override
	public Map<String, Sparing<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Sparing<S>> found = new LinkedHashMap<>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Sparing<>(session)));
		return found;
	}

	/** A session whose last access is passed on only once it is {@link #granularity} later than the one recorded. */
	static final class Sparing<S extends Session> implements Session {

		private final S session;

		Sparing(S session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Duration ahead = Duration.between(session.getLastAccessedTime(), lastAccessedTime);
			if (ahead.compareTo(granularity(session.getMaxInactiveInterval())) >= 0) {
				session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			return session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}

	/** Puts {@link SparingSessions} around the JDBC session repository once Spring Boot has configured it. */
	static final class Wrapping implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return bean instanceof JdbcIndexedSessionRepository jdbc ? new SparingSessions<>(jdbc) : bean;
		}
	}
}
