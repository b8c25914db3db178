package dev.gazette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one Gazette most over-HTTP tests share: a real server on a random port, an empty database of its own, the
 * clock fixed at {@link #NOW} and a public address for canonical and share links. Every class with this annotation
 * runs against the same started application (Spring caches the context), so tests create their own articles with
 * unique slugs and never assume the database is otherwise empty.
 * <p>
 * The whole suite talks to it from one address, so the limits per client address ({@code gazette.accounts.*-per-address})
 * and on e-mailing articles ({@code gazette.email-a-friend.per-address}) are lifted here; {@code AbuseResistanceTests}
 * and {@code ReachInAGazetteOfItsOwnTests} check them in applications of their own with small limits (pitches per
 * address, {@code gazette.pitches.per-address}, likewise: {@code PitchThrottleTests}; newsletter requests per address,
 * {@code gazette.newsletter.per-address}: {@code NewsletterThrottleTests}). For the same
 * reason, and because the fixed clock puts every post in the same minute, the spam checks for bursts of posts and
 * per client address are lifted too; {@code SpamBurstTests} checks them. The limit per account tried is left at its
 * default: each test signs in to accounts of its own.
 * <p>
 * Fixture articles are published before {@link #NOW} (by default at {@link Newsroom#DEFAULT_PUBLISHED_AT}); the
 * hour just before {@link #NOW} is left to the front page test, which needs the newest articles to be its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.clock=" + RunningGazette.NOW, "gazette.base-url=" + RunningGazette.BASE_URL,
				"gazette.accounts.sign-in-per-address=100000", "gazette.accounts.sign-up-per-address=100000",
				"gazette.accounts.reset-per-address=100000", "gazette.email-a-friend.per-address=100000",
				"gazette.moderation.burst-count=100000", "gazette.moderation.per-client-checks=false",
				"gazette.pitches.per-address=100000", "gazette.newsletter.per-address=100000" })
public @interface RunningGazette {

	/** What the application's clock says: a Sunday, 10 Av 5778. */
	String NOW = "2018-07-22T09:00:00Z";

	/** The public address the application believes it has (canonical and share links). */
	String BASE_URL = "https://gazette.example";
}
