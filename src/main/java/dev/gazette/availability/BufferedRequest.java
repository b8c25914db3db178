package dev.gazette.availability;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body has already been read whole into memory by {@link NonBlockingBodies}: the application reads
 * it from there, and form fields are parsed from it (the container's own parser would find its input consumed).
 * <p>
 * It is handed on by an asynchronous dispatch, and says it is an ordinary {@code REQUEST} dispatch: for every filter
 * after {@link NonBlockingBodies} (security, sessions, CSRF) this is the request's first pass, and Spring's
 * {@code OncePerRequestFilter}s skip asynchronous dispatches.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

	/** The most form fields parsed, as Tomcat's {@code maxParameterCount} default. */
	private static final int MAX_FIELDS = 1000;

	private volatile byte[] body;

	private volatile boolean tooLarge;

	private Map<String, String[]> parameters;

	BufferedRequest(HttpServletRequest request) {
		super(request);
	}

	void body(byte[] body) {
		this.body = body;
	}

	void refuseAsTooLarge() {
		this.tooLarge = true;
	}

	boolean tooLarge() {
		return tooLarge;
	}

	@Override
	public DispatcherType getDispatcherType() {
		return DispatcherType.REQUEST;
	}

	@Override
	public int getContentLength() {
		return body.length;
	}

	@Override
	public long getContentLengthLong() {
		return body.length;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				try {
					listener.onDataAvailable();
					listener.onAllDataRead();
				}
				catch (IOException ex) {
					listener.onError(ex);
				}
			}
		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters().get(name);
		return values == null ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = parameters().get(name);
		return values == null ? null : values.clone();
	}

	/** The query string's fields, then the body's when it is a form, in order, as the container gives them. */
	private synchronized Map<String, String[]> parameters() {
		if (parameters == null) {
			Map<String, List<String>> fields = new LinkedHashMap<>();
			parse(getQueryString(), StandardCharsets.UTF_8, fields);
			String type = getContentType();
			if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
				parse(new String(body, StandardCharsets.ISO_8859_1), charset(), fields);
			}
			Map<String, String[]> result = new LinkedHashMap<>();
			fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
			parameters = Collections.unmodifiableMap(result);
		}
		return parameters;
	}

	private static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		int count = into.values().stream().mapToInt(List::size).sum();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty() || count >= MAX_FIELDS) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			try {
				into.computeIfAbsent(decode(name, charset), key -> new ArrayList<>()).add(decode(value, charset));
				count++;
			}
			catch (IllegalArgumentException malformed) {
				// The container skips a field it cannot decode, and so does this.
			}
		}
	}

	/** Decodes bytes that were kept one char per byte (ISO-8859-1) as {@code charset}, as a form's fields are. */
	private static String decode(String part, Charset charset) {
		String percentDecoded = URLDecoder.decode(part, StandardCharsets.ISO_8859_1);
		return new String(percentDecoded.getBytes(StandardCharsets.ISO_8859_1), charset);
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		try {
			return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		}
		catch (IllegalArgumentException unknown) {
			return StandardCharsets.UTF_8;
		}
	}
}
