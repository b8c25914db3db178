package dev.gazette.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.Role;
import dev.gazette.account.internal.AccountUserDetails;
import dev.gazette.account.internal.SignInWatch;
import dev.gazette.account.internal.SiteSecrets;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.publication.Masthead;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.publication.SecondCalendar;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A web slice: one controller (the test class {@code @Import}s it) behind Gazette's own security filter chains, its
 * problem JSON and its page frame, driven through {@code MockMvc} with no server, no database and no other feature.
 * It starts in a few seconds (3.8 s for {@code SearchPageSliceTests} on a loaded 2-core machine,
 * where the shared {@link RunningGazette} took 12.6 s), so a controller's statuses, views and refusals can be checked
 * in many small tests.
 * <p>
 * What is real: {@code account.internal.SecurityConfiguration} (both chains: the API's tokens and 401/403 problem
 * JSON, the pages' sign-in redirect, CSRF and origin checks as {@code FormProtection} decides, the roles each
 * controller's {@code @PreAuthorize} asks for), {@code web.ApiProblems} (every refusal as problem JSON),
 * {@code web.SiteModel} (the layout's {@code SiteView}), the rate limiter, Gazette's configuration properties (the
 * slice's filter would keep {@code @ConfigurationPropertiesScan} from finding them, hence the last pattern) and the
 * precompiled jte templates. Nothing else is scanned: {@code useDefaultFilters = false}, because the default would
 * bring every feature's filters and advice (the article page cache, old WordPress addresses, the newsroom's error
 * pages) and with them half the application.
 * <p>
 * What stands in, because each reads or writes the database: the account lookup behind sign-in and remember-me, the
 * API tokens, the failed-sign-in watch, the section list in the header ({@link ArticleCatalog}, answering none) and the
 * publication's masthead and settings ({@link Publications}, answering the fixed {@link #PUBLICATION}). The remember-me
 * key would come from the {@code site_secret} table; here it is a constant. No database is made for a slice
 * ({@link FreshTestDatabase#KEEP_DATASOURCE}): on PostgreSQL each slice would otherwise leave an empty one behind.
 * A test signs someone in with {@link SignedIn#as}, and mocks the feature service its controller calls with
 * {@code @MockitoBean}, saying why in its class comment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = FreshTestDatabase.KEEP_DATASOURCE + "=true", useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
		"dev\\.gazette\\.account\\.internal\\.(SecurityConfiguration|ApiErrors)", "dev\\.gazette\\.account\\.FormProtection",
		"dev\\.gazette\\.web\\.(ApiProblems|SiteModel)", "dev\\.gazette\\.availability\\.DatabaseOutage",
		"dev\\.gazette\\.ratelimit\\.RateLimiter", "dev\\.gazette\\.[a-z.]+\\.[A-Za-z]+Properties" }))
@ImportAutoConfiguration({ JteAutoConfiguration.class, ServletJteAutoConfiguration.class })
@Import(WebSlice.StandIns.class)
@MockitoBean(types = { AccountUserDetails.class, ApiTokens.class, SignInWatch.class, ArticleCatalog.class })
public @interface WebSlice {

	/** The publication every slice's pages are framed with. */
	Publication PUBLICATION = new Publication("The Slice Gazette", "Tested one page at a time",
			ZoneId.of("Asia/Jerusalem"), SecondCalendar.HEBREW, null, null);

	/** Beans the security chains and the page frame need at start, so they answer before any test can stub them. */
	@TestConfiguration(proxyBeanMethods = false)
	class StandIns {

		@Bean
		SiteSecrets siteSecrets() {
			return new SiteSecrets(null) {
				@Override
				public String get(String name) {
					return "web-slice-" + name;
				}
			};
		}

		@Bean
		Publications publications() {
			Publications publications = mock(Publications.class);
			when(publications.current()).thenReturn(PUBLICATION);
			when(publications.masthead())
				.thenReturn(new Masthead(PUBLICATION.name(), PUBLICATION.tagline(), "Sunday, July 22, 2018"));
			return publications;
		}
	}

	/** A request from someone signed in, as the real chains would see it after the sign-in form. */
	final class SignedIn {

		private SignedIn() {
		}

		/**
		 * Signs the request in as an account with these roles (none: a reader) and sends the session cookie a signed-in
		 * browser sends: {@code FormProtection} asks for the form token from whoever carries that cookie, as it does in
		 * the running application. Add Spring Security's {@code csrf()} to send the token a page's form carries.
		 */
		public static RequestPostProcessor as(long id, String displayName, Role... roles) {
			Account account = new Account(id, "person-" + id + "@example.com", displayName, "", Set.of(roles), true, false,
					false, false, Instant.parse("2018-01-01T00:00:00Z"), 1);
			RequestPostProcessor user = SecurityMockMvcRequestPostProcessors.user(new AccountPrincipal(account, "{noop}-"));
			return request -> {
				Cookie[] had = request.getCookies() == null ? new Cookie[0] : request.getCookies();
				Cookie[] cookies = Arrays.copyOf(had, had.length + 1);
				// The name set by server.servlet.session.cookie.name in application.properties.
				cookies[had.length] = new Cookie("gazette-session", "web-slice-session-" + id);
				request.setCookies(cookies);
				return user.postProcessRequest(request);
			};
		}
	}
}
