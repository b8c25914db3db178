package dev.gazette.availability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.GenericFilterBean;

/**
 * Reads every request body before any thread waits for it. Tomcat hands a request to a worker thread once its
 * headers are in, and a servlet that reads the body then waits on that thread for each byte: 64 clients sending a
 * byte every two seconds held all 64 threads and the site answered no one. Here the body is read with the Servlet
 * non-blocking API (a {@link ReadListener} called only when bytes have arrived, no thread held in between) into a
 * buffer of at most {@code gazette.availability.max-body}; only when it is complete does the request go on, by an
 * asynchronous dispatch, as a {@link BufferedRequest}.
 * <p>
 * A body larger than the limit is refused with 413 as soon as that is known: from {@code Content-Length} before a
 * byte is read, or, for a chunked body, at the first byte over the limit. Nothing is parsed, and no more than the
 * limit is ever held. Multipart uploads (images, up to {@code gazette.media.max-upload-size}) are too large to hold
 * in memory and are read by the container as before, but only {@code gazette.availability.concurrent-uploads} at once:
 * slow uploads can then hold that many threads, never all of them.
 */
@Configuration(proxyBeanMethods = false)
class NonBlockingBodies {

	/** Marks a request whose body this filter has dealt with, so its asynchronous dispatch goes straight on. */
	private static final String HANDLED = NonBlockingBodies.class.getName() + ".handled";

	/** How long a client may take to send a whole body; a slower one gets 408. */
	private static final long BODY_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(60);

	@Bean
	FilterRegistrationBean<BodyFilter> nonBlockingBodiesFilter(AvailabilityProperties properties) {
		FilterRegistrationBean<BodyFilter> registration = new FilterRegistrationBean<>(new BodyFilter(properties));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		registration.setAsyncSupported(true);
		// After character encoding (which must be set before form fields are parsed), before anything that reads
		// the body or form fields (sessions, security, CSRF).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class BodyFilter extends GenericFilterBean {

		private final long maxBody;

		private final Semaphore uploads;

		BodyFilter(AvailabilityProperties properties) {
			this.maxBody = properties.maxBody().toBytes();
			this.uploads = new Semaphore(properties.concurrentUploads());
		}

		@Override
		public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) req;
			HttpServletResponse response = (HttpServletResponse) res;
			if (request.getAttribute(HANDLED) != null) {
				if (request instanceof BufferedRequest buffered && buffered.tooLarge()) {
					refuseTooLarge(request, response);
					return;
				}
				chain.doFilter(request, response);
				return;
			}
			if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
				chain.doFilter(request, response);
				return;
			}
			request.setAttribute(HANDLED, Boolean.TRUE);
			if (isMultipart(request)) {
				throughContainer(request, response, chain);
				return;
			}
			if (request.getContentLengthLong() > maxBody) {
				refuseTooLarge(request, response);
				return;
			}
			if (!request.isAsyncSupported()) {
				chain.doFilter(request, response);
				return;
			}
			readThenDispatch(request, response);
		}

		private void throughContainer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!uploads.tryAcquire()) {
				response.setHeader("Retry-After", "5");
				response.setHeader("Connection", "close");
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				uploads.release();
			}
		}

		private void readThenDispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
			BufferedRequest buffered = new BufferedRequest(request);
			AsyncContext async = request.startAsync(buffered, response);
			async.setTimeout(BODY_TIMEOUT_MILLIS);
			async.addListener(new TimeoutAsRequestTimeout());
			ServletInputStream in = request.getInputStream();
			long expected = request.getContentLengthLong();
			ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 1024), 65_536));
			in.setReadListener(new ReadListener() {

				private final byte[] chunk = new byte[8192];

				private boolean done;

				@Override
				public void onDataAvailable() throws IOException {
					while (!done && in.isReady()) {
						int read = in.read(chunk);
						if (read < 0) {
							return;
						}
						if (body.size() + (long) read > maxBody) {
							done = true;
							buffered.refuseAsTooLarge();
							async.dispatch();
							return;
						}
						body.write(chunk, 0, read);
					}
				}

				@Override
				public void onAllDataRead() {
					if (!done) {
						done = true;
						buffered.body(body.toByteArray());
						async.dispatch();
					}
				}

				@Override
				public void onError(Throwable failure) {
					// The client went away or stopped sending; there is nobody to answer.
					done = true;
					async.complete();
				}
			});
		}

		private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setHeader("Connection", "close");
			if (request.getRequestURI().startsWith("/api/")) {
				response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
							+ "\"detail\":\"The request body is larger than this server accepts (at most " + maxBody
							+ " bytes).\",\"instance\":\"" + jsonSafe(request.getRequestURI()) + "\"}");
				return;
			}
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		}

		private static String jsonSafe(String path) {
			return path.replaceAll("[^A-Za-z0-9/._~%-]", "");
		}

		private static boolean hasBody(HttpServletRequest request) {
			return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		}

		private static boolean isMultipart(HttpServletRequest request) {
			String type = request.getContentType();
			return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		}
	}

	/** A client that did not finish its body within the time allowed gets 408 and the connection is closed. */
	private static final class TimeoutAsRequestTimeout implements AsyncListener {

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
			if (!response.isCommitted()) {
				response.setStatus(HttpStatus.REQUEST_TIMEOUT.value());
				response.setHeader("Connection", "close");
			}
			event.getAsyncContext().complete();
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}
	}
}
