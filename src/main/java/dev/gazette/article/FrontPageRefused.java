package dev.gazette.article;

import org.springframework.http.HttpStatus;

import dev.gazette.refusal.Refusal;

/** A change to a front page's picks that was refused (unknown piece, not in the section, page full); nothing changed. */
public class FrontPageRefused extends Refusal {

	FrontPageRefused(HttpStatus status, String field, String message) {
		super(status, field, message);
	}
}
