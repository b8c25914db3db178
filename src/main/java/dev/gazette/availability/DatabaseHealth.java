package dev.gazette.availability;

import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's health, answered within {@code gazette.availability.health-timeout} whatever the database does.
 * Spring Boot's own check waits for a pool connection (the pool's whole {@code connection-timeout}) and then for the
 * query, however long a database that stopped answering takes; a load balancer asking in the meantime gets no answer
 * at all and keeps sending readers. Here the check runs on a thread of its own and the answer is DOWN when it has not
 * finished in time. While one check still hangs, the next answers DOWN at once instead of starting another.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	private final DataSource dataSource;

	private final AvailabilityProperties properties;

	private final ThreadPoolExecutor checks = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
			new SynchronousQueue<>(), runnable -> {
				Thread thread = new Thread(runnable, "database-health");
				thread.setDaemon(true);
				return thread;
			});

	DatabaseHealth(DataSource dataSource, AvailabilityProperties properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Override
	public Health health() {
		long budget = properties.healthTimeout().toMillis();
		Future<Boolean> check;
		try {
			check = checks.submit(this::answers);
		}
		catch (RejectedExecutionException stillWaiting) {
			return Health.down().withDetail("reason", "the previous check has had no answer yet").build();
		}
		try {
			return check.get(budget, TimeUnit.MILLISECONDS) ? Health.up().build()
					: Health.down().withDetail("reason", "the connection is not valid").build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("reason", "no answer within " + budget + " ms").build();
		}
		catch (ExecutionException ex) {
			return Health.down().withDetail("reason", "the database cannot be reached").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().build();
		}
	}

	private boolean answers() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid((int) Math.max(1, properties.healthTimeout().toSeconds()));
		}
	}

	@Override
	public void destroy() {
		checks.shutdownNow();
	}
}
