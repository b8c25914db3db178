package dev.gazette.media.internal;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import dev.gazette.refusal.ProblemJson;
import dev.gazette.media.MediaException;

/**
 * A file over {@code gazette.media.max-upload-size} is refused while the request is parsed, before any controller is
 * chosen: the API answers 413 problem JSON saying so, a page 413 with the site's error page. The exception is left on
 * the request so that the error page's own dispatch does not try to parse the oversized body again.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimit {

	private final MediaProperties properties;

	public UploadLimit(MediaProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String message = "The file is larger than " + properties.maxUploadSize().toMegabytes()
				+ " MB. Choose a smaller image.";
		if (request.getRequestURI().startsWith("/api/")) {
			return ProblemJson.of(MediaException.tooLarge(message));
		}
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		return null;
	}
}
