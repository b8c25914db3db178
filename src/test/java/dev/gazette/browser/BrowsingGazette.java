package dev.gazette.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The Gazette the browser tests visit: a real server on a random port with a fresh database holding the demo
 * publication (articles with lead images, authors with avatars, a 47-comment discussion), so pages look as they do
 * for a reader and every image they ask for exists. The clock is fixed the day after the newest demo article, so
 * relative times and screenshots stay the same from run to run.
 * <p>
 * Every class with this annotation shares one started application (Spring caches the context): tests add their own
 * articles, comments and accounts and never assume nobody else did.
 * <p>
 * Every browser and HTTP client here comes from the same address, so the limits per client address on signing in,
 * joining and reset mail ({@code gazette.accounts.*-per-address}) and the spam checks for bursts of posts are
 * lifted, as in {@code RunningGazette}; so is the limit per account signing in, since the page checks sign the
 * same admin in for every admin page. {@code AbuseResistanceTests} and {@code SpamBurstTests} check them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.demo-content=true", "gazette.clock=" + BrowsingGazette.NOW,
				"gazette.base-url=https://gazette.example", "gazette.accounts.sign-in-per-address=100000",
				"gazette.accounts.sign-up-per-address=100000", "gazette.accounts.reset-per-address=100000",
				"gazette.accounts.sign-in-per-account=100000", "gazette.email-a-friend.per-address=100000",
				"gazette.moderation.burst-count=100000", "gazette.moderation.per-client-checks=false",
				"gazette.pitches.per-address=100000", "gazette.newsletter.per-address=100000",
				"gazette.newsroom.autosave-interval=1s" })
public @interface BrowsingGazette {

	/** What the application's clock says: Sunday, November 29th 2026 (19 Kislev 5787). */
	String NOW = "2026-11-29T09:00:00Z";

	/** The demo's opinion piece with the long, heated discussion. */
	String RIVER = "the-river-that-two-nations-share";

	/** A demo author with an avatar and a bio. */
	String AUTHOR = "dalia-cohen";

	/** A demo section. */
	String SECTION = "world";
}
