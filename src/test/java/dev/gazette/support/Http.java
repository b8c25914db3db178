package dev.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A plain HTTP client for the running application, as a browser or an API client would talk to it: it keeps
 * cookies (so it can sign in), never follows redirects (tests check them), sends and reads UTF-8, and posts forms
 * with the headers a browser sends from the site's own page ({@code Origin}, {@code Sec-Fetch-Site}) and the CSRF
 * token a page's form carries once the client has credentials (a guest's forms carry none). {@link #submit} posts a
 * page's own form exactly as it came, as a browser does; {@link #postFormWithoutCsrf} sends what a forgery from
 * another site would.
 */
public final class Http {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.cookieHandler(cookies)
		.build();

	/** Where a forged form comes from. */
	private static final String FORGER = "https://forger.example";

	private final String base;

	/** The client's network address as a reverse proxy in front names it ({@code X-Forwarded-For}), or none. */
	private final String forwardedFor;

	public Http(int port) {
		this(port, null);
	}

	/**
	 * A browser on another machine, behind a reverse proxy that names it in {@code X-Forwarded-For}; the application
	 * must trust that header ({@code server.forward-headers-strategy=native}) for it to count.
	 */
	public Http(int port, String clientAddress) {
		this.base = "http://localhost:" + port;
		this.forwardedFor = clientAddress;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET());
	}

	/** Gets a page with the {@code Accept} header of a particular client. */
	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	public HttpResponse<String> getJson(String path) {
		return send(request(path).header("Accept", "application/json").GET());
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** Posts JSON with one more request header (an {@code Idempotency-Key}, say). */
	public HttpResponse<String> postJson(String path, String json, String header, String value) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(header, value)
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/**
	 * Posts a form as a browser does from one of the site's pages ({@code application/x-www-form-urlencoded}, UTF-8),
	 * with the CSRF token the sign-in page's form carries (if it carries one) unless {@code fields} brings its own
	 * {@code _csrf}.
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
		return postForm(path, all);
	}

	/**
	 * Gets {@code page} and sends the form {@code formSelector} picks on it, as a browser does when a person fills
	 * it in: every field as the page has it (hidden fields and their tokens included, nothing added), then the
	 * {@code typed} values in place of the fields' own (a button's name and value among them, when it is the one
	 * pressed). Answers the form's response.
	 */
	public HttpResponse<String> submit(String page, String formSelector, Map<String, String> typed) {
		HttpResponse<String> got = get(page);
		if (got.statusCode() != 200) {
			throw new AssertionError("GET " + page + " answered " + got.statusCode());
		}
		return submit(Jsoup.parse(got.body(), base + page), formSelector, typed);
	}

	/** Sends a form of a page already fetched, as {@link #submit(String, String, Map)} does. */
	public HttpResponse<String> submit(Document page, String formSelector, Map<String, String> typed) {
		Element element = page.selectFirst(formSelector);
		if (!(element instanceof FormElement form)) {
			throw new AssertionError("No form " + formSelector + " on " + page.location());
		}
		Map<String, String> left = new LinkedHashMap<>(typed);
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Connection.KeyVal field : form.formData()) {
			String value = left.containsKey(field.key()) ? left.remove(field.key()) : field.value();
			fields.add(Map.entry(field.key(), value));
		}
		left.forEach((name, value) -> fields.add(Map.entry(name, value)));
		URI action = URI.create(form.absUrl("action"));
		return sendForm(action.getRawPath() + (action.getRawQuery() == null ? "" : "?" + action.getRawQuery()), fields,
				base);
	}

	/**
	 * Posts a form whose fields may repeat (several selects of one name), in order, as a browser does; the CSRF token
	 * as in {@link #postForm(String, Map)}.
	 */
	public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (all.stream().noneMatch(field -> field.getKey().equals("_csrf"))) {
			String token = csrfToken();
			if (token != null) {
				all.add(Map.entry("_csrf", token));
			}
		}
		return sendForm(path, all, base);
	}

	/**
	 * Posts a form as a forgery on another site makes a visitor's browser send it: no CSRF token, and the browser's
	 * {@code Origin} and {@code Sec-Fetch-Site} naming the forger's site (cookies go along as the client holds them).
	 */
	public HttpResponse<String> postFormWithoutCsrf(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.remove("_csrf");
		return sendForm(path, new ArrayList<>(all.entrySet()), FORGER);
	}

	/** The form's fields, url-encoded, with the headers a browser sends for a form on a page of {@code origin}. */
	private HttpResponse<String> sendForm(String path, List<Map.Entry<String, String>> fields, String origin) {
		String body = fields.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("Accept", "text/html")
			.header("Origin", origin)
			.header("Sec-Fetch-Site", origin.equals(base) ? "same-origin" : "cross-site")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** Sends a request with a personal access token. */
	public HttpResponse<String> withToken(String token, String method, String path, String json) {
		return send(method, path, json, "Bearer " + token);
	}

	/** Sends an API request with any method and an optional JSON body, as an API client without a token does. */
	public HttpResponse<String> send(String method, String path, String json) {
		return send(method, path, json, null);
	}

	private HttpResponse<String> send(String method, String path, String json, String authorization) {
		HttpRequest.Builder request = request(path).header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json,
				StandardCharsets.UTF_8)));
	}

	/**
	 * The CSRF token a form on the sign-in page carries right now, for this client's cookies; {@code null} when it
	 * carries none (a guest, whose forms need none).
	 */
	public String csrfToken() {
		Matcher matcher = CSRF_FIELD.matcher(get("/sign-in").body());
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Uploads one file as a browser's {@code multipart/form-data} form does; the CSRF token goes in the query, as
	 * the settings page's upload form has it.
	 */
	public HttpResponse<String> postFile(String path, String field, String fileName, String contentType,
			byte[] content) {
		String boundary = "----gazette-test-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), content, tail.getBytes(StandardCharsets.UTF_8));
		String separator = path.contains("?") ? "&" : "?";
		String token = csrfToken();
		return send(request(token == null ? path : path + separator + "_csrf=" + encode(token))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.header("Origin", base)
			.header("Sec-Fetch-Site", "same-origin")
			.POST(BodyPublishers.ofByteArray(body)));
	}

	/** Gets a resource as bytes (images). */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The value of a cookie this client holds, if it holds it. */
	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.get(URI.create(base))
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Gives this client a cookie, as if the site had set it (to carry a cookie from one client to another). */
	public void setCookie(String name, String value) {
		try {
			cookies.put(URI.create(base + "/"), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new browser signed in as {@code someone} through the sign-in form, as a person signs in. The set-up most
	 * tests of signed-in pages start from; it stops the test at once, naming who, if the form sends them back to
	 * the sign-in page (or refuses them), so no test goes on as a guest by mistake and fails later for the wrong
	 * reason. Tests of signing in itself use {@link #signIn} and look at its answer.
	 */
	public static Http signedInAs(int port, Readers.Reader someone) {
		Http browser = new Http(port);
		HttpResponse<String> answer = browser.signIn(someone.email(), someone.password());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("/sign-in")) {
			throw new AssertionError("Signing in as " + someone.displayName() + " answered " + answer.statusCode()
					+ (location.isEmpty() ? "" : " to " + location));
		}
		return browser;
	}

	/** Signs in through the sign-in form; answers the response to the form post. */
	public HttpResponse<String> signIn(String email, String password) {
		return postForm("/sign-in", Map.of("email", email, "password", password));
	}

	/** Forgets every cookie: a new browser. */
	public void clearCookies() {
		cookies.getCookieStore().removeAll();
	}

	/** Follows one redirect answer to where it points and gets that page (the fragment stays with the client). */
	public HttpResponse<String> follow(HttpResponse<?> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("No Location header in a " + redirect.statusCode() + " answer"));
		URI target = redirect.uri().resolve(location);
		return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
