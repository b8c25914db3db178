package dev.gazette.newsletter.internal;

import dev.gazette.newsletter.Newsletter;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subscribing an address over the API: the same double opt-in as the form. */
@RestController
public class NewsletterApi {

	private final Newsletter newsletter;

	public NewsletterApi(Newsletter newsletter) {
		this.newsletter = newsletter;
	}

	/** {@code sections}: section slugs; none (or absent) means every section. */
	public record SubscriptionRequest(String email, String frequency, List<String> sections) {
	}

	@PostMapping(path = "/api/v1/newsletter/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Subscribe an address to the newsletter",
			description = "Answers 202 and mails a confirmation link; nothing is sent until it is followed. The answer is "
					+ "the same whether or not the address was subscribed already. 400 problem JSON with errors [{field, "
					+ "message}] for a malformed address, a frequency other than daily or weekly, or an unknown section; 429 "
					+ "with Retry-After when this client address made too many requests (gazette.newsletter.per-address).")
	public ResponseEntity<Map<String, String>> subscribe(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
		newsletter.subscribe(new Newsletter.Request(request.email(), request.frequency(), request.sections()),
				http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("status", "confirmation-sent", "detail", "Follow the link we mailed to confirm the subscription."));
	}
}
