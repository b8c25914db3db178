package dev.gazette.media;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The Gazette the media tests share: a real server with a database of its own, its files under
 * {@link #DATA_DIR}{@code /media} (so tests can count them), and a fixed clock. Not the suite's {@code @RunningGazette}:
 * publishing through the newsroom stamps pieces with the clock's time, and there that hour belongs to the front page
 * test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.demo-content=false",
				"gazette.clock=2018-07-22T09:00:00Z", "gazette.data-dir=" + MediaGazette.DATA_DIR,
				"gazette.accounts.sign-in-per-address=100000", "gazette.accounts.sign-up-per-address=100000",
				"gazette.articles.announce-interval=1h", "gazette.webhooks.poll-interval=1h",
				"gazette.newsletter.poll-interval=1h", "gazette.notifications.poll-interval=1h" })
@interface MediaGazette {

	String DATA_DIR = "target/media-tests";
}
