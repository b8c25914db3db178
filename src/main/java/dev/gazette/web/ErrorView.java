package dev.gazette.web;

import org.springframework.http.HttpStatus;

/** What an error page says, in words for people. */
public record ErrorView(int status, String title, String message) {

	static ErrorView of(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> new ErrorView(404, "Page not found",
					"We could not find that page. It may have moved, or the address may be mistyped.");
			case BAD_REQUEST -> new ErrorView(400, "That request did not make sense",
					"Something in the address or the form was not what we expected. Please go back and try again.");
			case FORBIDDEN -> new ErrorView(403, "Not allowed",
					"You do not have permission to do that.");
			case METHOD_NOT_ALLOWED -> new ErrorView(405, "Not allowed here",
					"That page cannot be used this way.");
			case TOO_MANY_REQUESTS -> new ErrorView(429, "Too many attempts",
					"To keep accounts safe, we pause after many tries in a short time. Please wait a few minutes and try again.");
			case CONTENT_TOO_LARGE -> new ErrorView(413, "That file is too large",
					"The file you sent is larger than Gazette accepts (images: up to 20 MB unless the site says otherwise). "
							+ "Please go back and choose a smaller one.");
			case SERVICE_UNAVAILABLE -> new ErrorView(503, "Back in a moment",
					"Gazette cannot reach its database just now, so this page cannot be shown. Nothing you sent was "
							+ "saved. Please try again in a minute.");
			default -> status.is4xxClientError()
					? new ErrorView(status.value(), status.getReasonPhrase(), "Please go back and try again.")
					: new ErrorView(500, "Something went wrong on our side",
							"The error has been logged. Please try again in a moment.");
		};
	}
}
