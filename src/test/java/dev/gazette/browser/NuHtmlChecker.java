package dev.gazette.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu Html Checker (vnu, the engine behind the W3C's HTML validator), run in this JVM from the
 * {@code nu.validator:validator} jar: its schemas travel inside the jar, so checking needs no network.
 */
final class NuHtmlChecker {

	private NuHtmlChecker() {
	}

	/** One thing the checker says about a document. */
	record Message(String type, long line, String text, String extract) {

		boolean isError() {
			return !"info".equals(type);
		}

		@Override
		public String toString() {
			return type + " at line " + line + ": " + text + " in «" + extract.strip() + "»";
		}
	}

	/** Everything the checker says about this HTML document: errors and warnings. */
	static List<Message> check(String html) {
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
		String json;
		try {
			json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("The Nu Html Checker could not check the document", ex);
		}
		List<Message> messages = new ArrayList<>();
		for (JsonNode message : JsonMapper.builder().build().readTree(json).path("messages")) {
			String type = message.path("type").asString("error");
			String subType = message.path("subType").asString("");
			messages.add(new Message(subType.isEmpty() ? type : type + "/" + subType, message.path("lastLine").asLong(0),
					message.path("message").asString(""), message.path("extract").asString("")));
		}
		return messages;
	}
}
