package dev.gazette.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.gazette.publication.Publications;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limit module started on its own ({@code @ApplicationModuleTest}: only {@code dev.gazette.ratelimit} is
 * scanned, and Spring Modulith checks that it reaches no other module): the {@link RateLimiter} bean the accounts,
 * comment, newsletter, newsroom and syndication features share, used as they use it. {@code RateLimiterTests} covers
 * the buckets' arithmetic on a limiter made by hand; this checks the module is whole without them.
 * <p>
 * {@code application.properties} puts the moderation classifier's health check in the readiness group; a context
 * without the moderation module must not check that group's members, hence the one property.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class RateLimitModuleTests {

	private static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit("module-test.per-address", 2,
			Duration.ofMinutes(1));

	private static final RateLimiter.Limit PER_ACCOUNT = new RateLimiter.Limit("module-test.per-account", 5,
			Duration.ofMinutes(1));

	@Autowired
	RateLimiter limiter;

	@Autowired
	ApplicationContext context;

	@Test
	void aClientMayDoWhatItsLimitAllowsAndIsToldHowLongToWaitAfter() {
		String client = ClientAddresses.client("203.0.113.7");

		assertThat(limiter.tryAcquire(PER_ADDRESS, client)).isZero();
		assertThat(limiter.tryAcquire(PER_ADDRESS, client)).isZero();
		assertThat(limiter.tryAcquire(PER_ADDRESS, client)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
		assertThat(limiter.tryAcquire(PER_ADDRESS, ClientAddresses.client("203.0.113.8"))).as("another client").isZero();
	}

	@Test
	void chargesAreTakenAllOrNone() {
		String client = ClientAddresses.client("2001:db8:5:5::1");
		List<RateLimiter.Charge> both = List.of(new RateLimiter.Charge(PER_ACCOUNT, "account-7", 1),
				new RateLimiter.Charge(PER_ADDRESS, client, 3));

		assertThat(limiter.tryAcquireAll(both)).as("more than the address's bucket holds").isPositive();
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.tryAcquire(PER_ACCOUNT, "account-7")).as("the account's token was given back").isZero();
		}
	}

	@Test
	void noOtherModulesBeansAreStarted() {
		assertThat(context.getBeanNamesForType(Publications.class)).isEmpty();
		assertThat(context.getBeanNamesForType(RateLimiter.class)).hasSize(1);
	}
}
