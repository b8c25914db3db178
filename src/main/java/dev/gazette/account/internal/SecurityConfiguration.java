package dev.gazette.account.internal;

import dev.gazette.ratelimit.RateLimiter;
import dev.gazette.site.ReturnTo;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.FormProtection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices.RememberMeTokenAlgorithm;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may do what, over the web and over the API.
 * <p>
 * Pages: sessions (in the database, shared by every node) only once someone signs in; forms protected against
 * forgery as {@link FormProtection} says (a token in a cookie for anyone signed in, where the post comes from for
 * guests), so reading never creates a session or sets a cookie; form sign-in with remember-me; staff pages under {@code /admin} and settings
 * need a signed-in account, and each admin controller checks its role with {@code @PreAuthorize}.
 * <p>
 * API: stateless; a personal access token signs a request in; no CSRF (no cookies are read); errors are problem
 * JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	public static final String REMEMBER_ME_COOKIE = "gazette-remember-me";

	/**
	 * One-click unsubscribe (RFC 8058): a mail program POSTs to the link in a mail's List-Unsubscribe header, with no
	 * session and no CSRF token. The secret token in the link is the authorisation, and the only thing such a POST can
	 * do is stop mail to the token's owner.
	 */
	static final String[] ONE_CLICK_UNSUBSCRIBE = { "/notifications/unsubscribe", "/newsletter/unsubscribe" };

	/** Sessions whose last access is written back at most about hourly (see {@link SparingSessions}). */
	@Bean
	static BeanPostProcessor sparingSessions() {
		return new SparingSessions.Wrapping();
	}

	@Bean
	public PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Checks the password before anything else, so "not verified yet" is only ever said to someone who knows the
	 * password: a stranger learns nothing about whether an address is registered.
	 */
	@Bean
	public DaoAuthenticationProvider authenticationProvider(AccountUserDetails users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("The address is not verified yet");
			}
		});
		return provider;
	}

	@Bean
	@Order(1)
	public SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiErrors errors, RateLimiter limiter,
			AccountProperties properties, SignInWatch watch) throws Exception {
		return http.securityMatcher("/api/**")
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/me")
				.authenticated()
				// The front page API's request records are checked when the body is read, before method security:
				// refused here first, a caller who may not curate hears 401 or 403, never what was wrong with the body.
				.requestMatchers("/api/v1/front-page/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.anyRequest()
				.permitAll())
			.addFilterBefore(new BearerTokens(tokens, errors), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottle(limiter, properties, watch), BearerTokens.class)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, ex) -> errors.write(response, 401,
						"Sign in with a personal access token: Authorization: Bearer <token>.", request.getRequestURI()))
				.accessDeniedHandler((request, response, ex) -> errors.write(response, 403,
						"Your account may not do this.", request.getRequestURI())))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.build();
	}

	@Bean
	@Order(2)
	public SecurityFilterChain web(HttpSecurity http, AccountUserDetails users, SiteSecrets secrets, RateLimiter limiter,
			AccountProperties properties, SignInWatch watch, FormProtection forms) throws Exception {
		TokenBasedRememberMeServices rememberMe = new TokenBasedRememberMeServices(secrets.get("remember-me"), users,
				RememberMeTokenAlgorithm.SHA256);
		rememberMe.setCookieName(REMEMBER_ME_COOKIE);
		rememberMe.setParameter("remember-me");
		// Like the session cookie (server.servlet.session.cookie.same-site): not sent with cross-site posts.
		rememberMe.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/settings/**", "/admin/**", "/articles/*/comments/*/report")
				.authenticated()
				.anyRequest()
				.permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.requireCsrfProtectionMatcher(forms::requiresToken)
				.ignoringRequestMatchers(ONE_CLICK_UNSUBSCRIBE))
			.addFilterBefore(new EarlyFormToken(forms), AuthorizationFilter.class)
			.exceptionHandling(handling -> handling.accessDeniedHandler(new RefusedForms()))
			.formLogin(form -> form.loginPage("/sign-in")
				.usernameParameter("email")
				.passwordParameter("password")
				.failureHandler(new SignInFailures(watch))
				.successHandler(returnToTheArticle())
				.permitAll())
			.rememberMe(remember -> remember.rememberMeServices(rememberMe))
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out").deleteCookies(REMEMBER_ME_COOKIE))
			.addFilterBefore(new SignInThrottle(limiter, properties, watch), UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers.frameOptions(frame -> frame.deny()))
			.build();
	}

	/**
	 * After signing in: back to the article the reader came from ({@link ReturnTo}), else to the page that sent them
	 * to sign in, else the front page.
	 */
	private static org.springframework.security.web.authentication.AuthenticationSuccessHandler returnToTheArticle() {
		var saved = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			String next = ReturnTo.safe(request.getParameter("next"));
			if (next != null) {
				response.sendRedirect(next);
				return;
			}
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}
}
