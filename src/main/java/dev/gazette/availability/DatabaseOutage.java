package dev.gazette.availability;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (no connection within the pool's wait, a connection lost, a read timed
 * out) from any other error, so that it is answered 503 with {@code Retry-After} (the request may well succeed in a
 * minute) rather than 500 (something is wrong with Gazette).
 */
@Component
public class DatabaseOutage {

	private final AvailabilityProperties properties;

	DatabaseOutage(AvailabilityProperties properties) {
		this.properties = properties;
	}

	/** Whether {@code failure}, or anything that caused it, says the database could not be reached in time. */
	public static boolean explains(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof QueryTimeoutException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SocketTimeoutException
					|| isConnectionState(cause) || isFailedRollback(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL state class 08, connection exception: a connection that broke in the middle of a request (a rollback on a
	 * closed connection, an I/O error talking to the server) says so only this way.
	 */
	private static boolean isConnectionState(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}

	/**
	 * A transaction whose connection broke fails again when it is rolled back, and that second failure is the one
	 * thrown; the first, which says what happened, is kept as its application exception.
	 */
	private static boolean isFailedRollback(Throwable cause) {
		return cause instanceof TransactionSystemException failed && (failed.getCause() instanceof SQLException
				|| failed.getApplicationException() != null && explains(failed.getApplicationException()));
	}

	/** The {@code Retry-After} value, in seconds, for an answer given during an outage. */
	public String retryAfter() {
		return String.valueOf(Math.max(1, properties.retryAfter().toSeconds()));
	}

	public Duration retryAfterDuration() {
		return properties.retryAfter();
	}
}
