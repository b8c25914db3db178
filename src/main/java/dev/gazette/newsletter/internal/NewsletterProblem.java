package dev.gazette.newsletter.internal;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.Refusal;

/** A subscription request that was refused (400), with what is wrong in each field; nothing was stored or sent. */
public class NewsletterProblem extends Refusal {

	public NewsletterProblem(String message, List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, message, errors);
	}

	@Override
	public String title() {
		return "The subscription was not accepted";
	}
}
