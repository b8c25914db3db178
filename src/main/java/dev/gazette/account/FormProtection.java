package dev.gazette.account;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import dev.gazette.publication.GazetteProperties;
import dev.gazette.account.internal.SecurityConfiguration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * How a form post is known to come from Gazette's own pages (cross-site request forgery), decided in one place.
 * <p>
 * <b>Someone with credentials</b> (a session or a remember-me cookie) needs the synchronizer token, as before: it is
 * the only thing that separates their own post from a forged one their browser sends with those cookies. The token
 * is resolved (and its cookie written) before any page is written ({@link #resolveEarly}), because a long page
 * commits its response long before the form near its end asks for the token, and a cookie added after that is
 * silently dropped: that is how a reader's first post from a long article page was once refused.
 * <p>
 * <b>A guest</b> (no cookie that carries any authority) has nothing a forgery could borrow, except their network
 * address and the act of signing in (login CSRF). Guests' posts are checked by where the browser says they come
 * from instead: {@code Sec-Fetch-Site} (every current browser) or else {@code Origin} must name this site. A request
 * with neither is not from a current browser, so it is not a forgery's vehicle. Guests' pages therefore carry no
 * token and set no cookie: the page is the same for every guest, which lets it be cached whole.
 */
@Component
public class FormProtection {

	/**
	 * The request attribute that marks a form refused as a possible forgery: its 403 page gives the reader's text back
	 * in a form they can send again, when the post came from this site.
	 */
	public static final String REFUSED_FORM = FormProtection.class.getName() + ".refused";

	/**
	 * The refused form's fields ({@code Map<String, String[]>}), copied when it is refused: the error page that gives
	 * them back runs on an error dispatch, which no longer sees a body that was read before the request was handled.
	 */
	public static final String REFUSED_FIELDS = FormProtection.class.getName() + ".refusedFields";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final String sessionCookie;

	private final String siteOrigin;

	FormProtection(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
			GazetteProperties properties) {
		this.sessionCookie = sessionCookie;
		this.siteOrigin = origin(properties.baseUrl());
	}

	/**
	 * Whether this request carries a cookie that could sign someone in: then a forged post could act as them, and
	 * only the token tells it apart.
	 */
	public boolean carriesCredentials(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(sessionCookie) || cookie.getName().equals(SecurityConfiguration.REMEMBER_ME_COOKIE)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the browser says this request comes from one of this site's own pages. {@code Sec-Fetch-Site} is
	 * trusted first (a page cannot set it); then {@code Origin}, which must be this site as the browser addressed
	 * it or as {@code gazette.base-url} names it. Without either, the sender is not a current browser.
	 */
	public boolean fromThisSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return fetchSite.equals("same-origin") || fetchSite.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		String claimed = origin.toLowerCase(Locale.ROOT);
		return claimed.equals(siteOrigin) || claimed.equals(addressedOrigin(request));
	}

	/** Whether a request must carry the token: any change from someone with credentials, or one from elsewhere. */
	public boolean requiresToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		return carriesCredentials(request) || !fromThisSite(request);
	}

	/**
	 * The token a page's forms carry: {@code null} for a guest, whose posts need none. For anyone with credentials
	 * it was resolved before the page began (see {@link #resolveEarly}).
	 */
	public CsrfToken formToken(HttpServletRequest request) {
		if (!carriesCredentials(request)) {
			return null;
		}
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

	/**
	 * Makes the deferred token real now, while headers can still be written: the token's cookie goes out with the
	 * response's first bytes, however long the page grows.
	 */
	public void resolveEarly(HttpServletRequest request) {
		if (carriesCredentials(request) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	private static String addressedOrigin(HttpServletRequest request) {
		String host = request.getHeader("Host");
		if (host == null) {
			return null;
		}
		return (request.getScheme() + "://" + host).toLowerCase(Locale.ROOT);
	}

	/** {@code scheme://host[:port]} of an address, lower-cased, with the default port left out as browsers do. */
	static String origin(String url) {
		URI uri = URI.create(url.trim());
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}
}
