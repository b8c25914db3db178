package dev.gazette.background;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context that is stopped and started again, without closing, still runs its event listeners: the test framework
 * pauses the contexts it keeps while another test class runs, and the shutdown drain once shut their listener
 * executor down for good (every later listener run was refused, and audit entries went missing).
 */
@SpringBootTest(properties = "gazette.background.drain-timeout=1s")
class PausedContextTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor listeners;

	@Test
	void aStoppedAndRestartedContextStillRunsItsListeners() throws Exception {
		context.stop();
		context.start();

		CompletableFuture<String> ran = listeners.submitCompletable(() -> "ran");
		assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
	}
}
