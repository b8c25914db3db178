package dev.gazette.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A Gazette of its own, shared by the classes that carry this annotation: limits per client address small enough to
 * reach in a test, the system clock, and no admin at start (no {@code gazette.accounts.admin-email}), so the
 * set-up link is what makes one. It trusts {@code X-Forwarded-For} from the loopback address, as behind a reverse
 * proxy, so that a test can be several clients ({@code new Http(port, "203.0.113.7")}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.base-url=https://gazette.example", "gazette.accounts.sign-in-per-address=5",
				"gazette.accounts.sign-up-per-address=3", "gazette.accounts.reset-per-address=3",
				"gazette.accounts.sign-in-per-account-total=10",
				"server.forward-headers-strategy=native" })
@interface GazetteWithSmallLimits {

	int SIGN_IN_PER_ADDRESS = 5;

	int SIGN_UP_PER_ADDRESS = 3;

	int RESET_PER_ADDRESS = 3;

	int SIGN_IN_PER_ACCOUNT_TOTAL = 10;
}
