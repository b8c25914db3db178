package dev.gazette.newsroom;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import dev.gazette.support.MutableClock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The Gazette the newsroom tests share: a real server with a database of its own and a clock the tests move. Not the
 * suite's {@code @RunningGazette}, because publishing through the newsroom stamps pieces with the clock's time, and
 * there the hour before the clock belongs to the front page test. The announcer runs only when a test runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"gazette.accounts.sign-in-per-address=100000", "gazette.accounts.sign-up-per-address=100000",
				"gazette.articles.announce-interval=1h", "gazette.webhooks.poll-interval=1h",
				"gazette.newsletter.poll-interval=1h", "gazette.notifications.poll-interval=1h",
				// Announcements are counted by their rows in the event registry, which Gazette deletes once run.
				"spring.modulith.events.completion-mode=update" })
@Import(NewsroomGazette.MovingClock.class)
@interface NewsroomGazette {

	Instant START = Instant.parse("2018-07-22T09:00:00Z");

	@TestConfiguration
	class MovingClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}
}
