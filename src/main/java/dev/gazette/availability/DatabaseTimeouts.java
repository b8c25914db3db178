package dev.gazette.availability;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL connections time limits: without them a read from a database that stopped answering (a network
 * partition, a paused server) waits for TCP to give up, minutes, holding a request thread and a pool connection. H2
 * refuses unknown settings, and the embedded database has no network to lose, so it is left alone.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

	private final AvailabilityProperties properties;

	DatabaseTimeouts(AvailabilityProperties properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			putIfAbsent(pool, "socketTimeout", properties.socketTimeout().toSeconds());
			putIfAbsent(pool, "connectTimeout", properties.connectTimeout().toSeconds());
			putIfAbsent(pool, "tcpKeepAlive", "true");
		}
		return bean;
	}

	private static void putIfAbsent(HikariDataSource pool, String name, Object value) {
		if (!pool.getDataSourceProperties().containsKey(name) && !pool.getJdbcUrl().contains(name + "=")) {
			pool.addDataSourceProperty(name, String.valueOf(value));
		}
	}
}
