package dev.gazette.availability;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The availability module started on its own ({@code @ApplicationModuleTest}) on a database of its own: the health
 * check load balancers ask, which answers within its budget, UP while the database answers and DOWN once it cannot
 * be reached, and the {@code Retry-After} an outage's 503 carries, from {@code gazette.availability.*}. A frozen
 * PostgreSQL and slow clients are {@code DatabaseOutageTests}' and {@code SlowClientsTests}' subjects, in whole
 * Gazettes.
 * <p>
 * {@code application.properties} puts the moderation classifier's health check in the readiness group; a context
 * without the moderation module must not check that group's members.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "gazette.availability.retry-after=7s",
		"management.endpoint.health.validate-group-membership=false" })
class AvailabilityModuleTests {

	@Autowired
	DatabaseHealth health;

	@Autowired
	DatabaseOutage outage;

	@Autowired
	DataSource dataSource;

	@Test
	void theHealthCheckIsUpWhileTheDatabaseAnswers() {
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void anOutagesAnswerTellsClientsToWaitTheConfiguredTime() {
		assertThat(outage.retryAfter()).isEqualTo("7");
	}

	@Test
	@DirtiesContext
	void theHealthCheckIsDownWithAReasonOnceTheDatabaseCannotBeReached() {
		((HikariDataSource) dataSource).close();
		Health answer = health.health();

		assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
		assertThat(answer.getDetails()).containsEntry("reason", "the database cannot be reached");
	}
}
