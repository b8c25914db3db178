package dev.gazette.mail;

import java.util.Map;
import java.util.regex.Pattern;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Writes a message from its templates: {@code src/main/jte-text/mail/NAME.jte} for the text (first line
 * {@code Subject: ...}, a blank line, then the body; nothing is escaped) and, if there is one,
 * {@code src/main/jte/mail/NAME.jte} for the HTML alternative (escaped like every page). Both are precompiled by the
 * build; see the package notes for how to add a message.
 */
@Component
public final class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	// mail/outbox*.jte are the outbox page's own templates, not messages.

	private static final String SUBJECT = "Subject:";

	private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
			"gg.jte.generated.text");

	private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);

	/**
	 * @param name the message's name, such as {@code verify-email}
	 * @param model the templates' parameters by name
	 * @throws IllegalArgumentException when there is no such message
	 * @throws IllegalStateException when its text template does not begin with a subject line
	 * @throws gg.jte.TemplateException when the model does not fit the templates' parameters
	 */
	public Rendered render(String name, Map<String, Object> model) {
		if (!NAME.matcher(name).matches() || name.startsWith("outbox") || !text.hasTemplate(path(name))) {
			throw new IllegalArgumentException("There is no mail template '" + name + "'");
		}
		StringOutput textOutput = new StringOutput();
		text.render(path(name), model, textOutput);
		String written = textOutput.toString().replace("\r\n", "\n").stripLeading();
		int endOfSubject = written.indexOf('\n');
		if (!written.startsWith(SUBJECT) || endOfSubject < 0) {
			throw new IllegalStateException("The mail template " + path(name) + " must begin with a '" + SUBJECT
					+ " ...' line and a body under it");
		}
		String subject = written.substring(SUBJECT.length(), endOfSubject).strip();
		String body = written.substring(endOfSubject + 1).strip() + "\n";
		return new Rendered(subject, body, html.hasTemplate(path(name)) ? renderHtml(name, model) : null);
	}

	private String renderHtml(String name, Map<String, Object> model) {
		StringOutput output = new StringOutput();
		html.render(path(name), model, output);
		return output.toString();
	}

	private static String path(String name) {
		return "mail/" + name + ".jte";
	}

	/** A message written from its templates, ready to address. */
	public record Rendered(String subject, String text, String html) {

		public Mail to(String recipient, String category) {
			return new Mail(recipient, subject, text, html, category);
		}

		/** Addressed, with extra headers such as {@code List-Unsubscribe}. */
		public Mail to(String recipient, String category, Map<String, String> headers) {
			return new Mail(recipient, subject, text, html, category, headers);
		}
	}
}
