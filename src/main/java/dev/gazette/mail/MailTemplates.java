package dev.gazette.mail;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Writes a {@link MailMessage} from its templates: {@code src/main/jte-text/PATH.jte} for the text (first line
 * {@code Subject: ...}, a blank line, then the body; nothing is escaped) and, if there is one,
 * {@code src/main/jte/PATH.jte} for the HTML alternative (escaped like every page), where PATH is the message's
 * {@link MailMessage#template()}. Both are precompiled by the build; see the package notes for how to add a message.
 */
@Component
public final class MailTemplates {

	private static final String SUBJECT = "Subject:";

	private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
			"gg.jte.generated.text");

	private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);

	/**
	 * @throws IllegalArgumentException when the message has no text template
	 * @throws IllegalStateException when its text template does not begin with a subject line
	 */
	public Rendered render(MailMessage message) {
		String path = message.template() + ".jte";
		if (!text.hasTemplate(path)) {
			throw new IllegalArgumentException("There is no mail template '" + path + "' in src/main/jte-text");
		}
		StringOutput textOutput = new StringOutput();
		text.render(path, message, textOutput);
		String written = textOutput.toString().replace("\r\n", "\n").stripLeading();
		int endOfSubject = written.indexOf('\n');
		if (!written.startsWith(SUBJECT) || endOfSubject < 0) {
			throw new IllegalStateException("The mail template " + path + " must begin with a '" + SUBJECT
					+ " ...' line and a body under it");
		}
		String subject = written.substring(SUBJECT.length(), endOfSubject).strip();
		String body = written.substring(endOfSubject + 1).strip() + "\n";
		String html = null;
		if (this.html.hasTemplate(path)) {
			StringOutput htmlOutput = new StringOutput();
			this.html.render(path, message, htmlOutput);
			html = htmlOutput.toString();
		}
		return new Rendered(subject, body, html);
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
