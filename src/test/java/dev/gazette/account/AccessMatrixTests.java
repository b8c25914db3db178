package dev.gazette.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import dev.gazette.support.RunningGazette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix of issue 13's security probe, kept as a test: every endpoint the application maps (read from
 * Spring MVC itself, so a new one is in the matrix the day it is written) is asked for by a guest and by an account
 * of each role, with every method it takes, signed in with the web session for pages and with a personal access
 * token for the API. What must hold:
 * <ul>
 * <li>an endpoint restricted to roles ({@code @PreAuthorize}) never answers 2xx, nor redirects anywhere but to
 * sign-in, to a guest or to an account without one of those roles;</li>
 * <li>nothing under {@code /admin} does either for a guest or a plain reader, whatever its annotation says;</li>
 * <li>an account with one of the roles is let in (a GET is not refused with 401 or 403);</li>
 * <li>no endpoint answers 5xx to anyone, whatever the made-up identifiers and empty bodies.</li>
 * </ul>
 * Identifiers in paths are made up ({@code 1}), so most answers are 404 or 400: the matrix checks who is let in,
 * not what the pages show. Only requests that can change nothing are sent as the roles that are allowed (GET);
 * writes are sent only as those who must be refused, and as guests to the public endpoints with empty bodies.
 */
@RunningGazette
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	/** Who asks: a guest (null role), a reader with no role, and one account per role. */
	static final List<Role> WHO = new ArrayList<>();

	static {
		WHO.add(null);
		WHO.addAll(EnumSet.allOf(Role.class));
	}

	/**
	 * Event streams: one let in stays open, so they are asked only by those who must be refused (who may open one is
	 * in the live-updates tests).
	 */
	static final Set<String> STREAMS = Set.of("/api/v1/live/articles/{slug}", "/admin/moderation/live");

	/** {@code isAuthenticated()}: signed in, whatever the role. */
	static final Set<Role> ANY_ACCOUNT = Set.of(Role.READER);

	private static final Pattern ROLE_NAMES = Pattern.compile("'([A-Z]+)'");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	final List<Endpoint> endpoints = new ArrayList<>();

	final Map<Role, Http> browsers = new HashMap<>();

	final Map<Role, String> apiTokens = new HashMap<>();

	/** One path and method of a handler, with the roles it is restricted to (empty: none). */
	record Endpoint(RequestMethod method, String pattern, String path, Set<Role> roles, boolean json) {

		boolean api() {
			return path.startsWith("/api/");
		}

		boolean staffOnly() {
			return path.startsWith("/admin");
		}

		@Override
		public String toString() {
			return method + " " + pattern + (roles.isEmpty() ? "" : roles == ANY_ACCOUNT ? " [any account]" : " " + roles);
		}
	}

	@BeforeAll
	void everyEndpointAndOneAccountPerRole() {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			HandlerMethod handler = mapping.getValue();
			Set<Role> roles = rolesOf(handler);
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean json = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.APPLICATION_JSON);
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(method, pattern, made(pattern), roles, json));
				}
			}
		}
		Readers readers = new Readers(registration, accounts, administration, new Mailbox(jdbc));
		for (Role role : WHO) {
			if (role == null) {
				browsers.put(null, new Http(port));
				continue;
			}
			Readers.Reader account = role == Role.READER ? readers.join("Matrix Reader")
					: readers.join("Matrix " + role.key(), role);
			browsers.put(role, Http.signedInAs(port, account));
			apiTokens.put(role, tokens.create(account.id(), "access matrix").token());
		}
	}

	@Test
	void theMatrixCoversTheStaffPagesAndApis() {
		assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(150);
		assertThat(endpoints.stream().filter(endpoint -> !endpoint.roles().isEmpty())).as("restricted to roles")
			.hasSizeGreaterThan(40);
		assertThat(endpoints.stream().map(Endpoint::pattern)).contains("/admin/people", "/admin/moderation",
				"/api/v1/newsroom/articles");
	}

	@Test
	void nobodyWithoutTheRoleGetsInAndNothingAnswers5xx() {
		Set<String> wrong = new TreeSet<>();
		for (Endpoint endpoint : endpoints) {
			for (Role who : WHO) {
				boolean anyAccount = endpoint.roles() == ANY_ACCOUNT;
				boolean allowed = who == Role.ADMIN || endpoint.roles().isEmpty() || (who != null && endpoint.roles().contains(who))
						|| (anyAccount && who != null);
				if (anyAccount && who != null && who != Role.ADMIN) {
					if (endpoint.method() != RequestMethod.GET) {
						continue;
					}
					HttpResponse<String> answer = send(who, endpoint);
					if (answer.statusCode() >= 500) {
						wrong.add(endpoint + " as " + name(who) + ": " + answer.statusCode());
					}
					continue;
				}
				boolean mustRefuse = !allowed || (endpoint.staffOnly() && (who == null || who == Role.READER));
				if (!mustRefuse && STREAMS.contains(endpoint.pattern())) {
					continue;
				}
				if (!mustRefuse && endpoint.method() != RequestMethod.GET) {
					continue; // a write by someone allowed might change something: the feature tests cover those
				}
				if (!mustRefuse && !endpoint.roles().isEmpty() && endpoint.method() == RequestMethod.GET) {
					HttpResponse<String> answer = send(who, endpoint);
					if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() >= 500) {
						wrong.add(endpoint + " as " + name(who) + ": " + answer.statusCode() + " (should be let in)");
					}
					continue;
				}
				HttpResponse<String> answer = send(who, endpoint);
				int status = answer.statusCode();
				if (status >= 500) {
					wrong.add(endpoint + " as " + name(who) + ": " + status);
				}
				else if (mustRefuse && status < 300) {
					wrong.add(endpoint + " as " + name(who) + ": " + status + " (should be refused)");
				}
				else if (mustRefuse && status < 400 && !answer.headers()
					.firstValue("Location")
					.orElse("")
					.contains("/sign-in")) {
					wrong.add(endpoint + " as " + name(who) + ": " + status + " to "
							+ answer.headers().firstValue("Location").orElse("nowhere") + " (should be refused)");
				}
			}
		}
		assertThat(wrong).as("who got in where they should not, or a 5xx").isEmpty();
	}

	private HttpResponse<String> send(Role who, Endpoint endpoint) {
		Http browser = browsers.get(who);
		String method = endpoint.method().name();
		if (endpoint.api()) {
			String body = endpoint.method() == RequestMethod.GET || endpoint.method() == RequestMethod.DELETE ? null : "{}";
			return who == null ? browser.send(method, endpoint.path(), body)
					: browser.withToken(apiTokens.get(who), method, endpoint.path(), body);
		}
		return switch (endpoint.method()) {
			case GET -> browser.get(endpoint.path());
			case POST -> browser.postForm(endpoint.path(), Map.of());
			default -> browser.send(method, endpoint.path(), endpoint.json() ? "{}" : null);
		};
	}

	private static String name(Role who) {
		return who == null ? "a guest" : who.key();
	}

	/**
	 * The roles of a handler's {@code @PreAuthorize}, on the method or its class (every role for
	 * {@code isAuthenticated()}); empty when it has none.
	 */
	static Set<Role> rolesOf(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		Set<Role> roles = new LinkedHashSet<>();
		if (rule != null) {
			if (rule.value().equals("isAuthenticated()")) {
				// Any account may ask; the handler itself decides further by role (the newsroom's desk: a reader
				// or a moderator is refused there with 403), so only the guest's refusal is checked here.
				return ANY_ACCOUNT;
			}
			Matcher names = ROLE_NAMES.matcher(rule.value());
			while (names.find()) {
				roles.add(Role.valueOf(names.group(1)));
			}
			assertThat(roles).as("roles named in %s on %s", rule.value(), handler).isNotEmpty();
		}
		return roles;
	}

	/** The pattern with a made-up value in each variable: {@code 1} for all, so ids parse and slugs find nothing. */
	static String made(String pattern) {
		StringBuilder path = new StringBuilder();
		int depth = 0;
		for (char c : pattern.toCharArray()) {
			if (c == '{' && depth++ == 0) {
				path.append('1'); // a variable, whose regular expression may hold braces of its own
			}
			else if (c == '}') {
				depth--;
			}
			else if (depth == 0) {
				path.append(c);
			}
		}
		return path.toString();
	}
}
