package dev.gazette.transfer.internal;

import dev.gazette.transfer.ImportRefused;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens an export for streaming with everything that lets an XML file reach outside itself or multiply itself
 * switched off: no DTD processing, no external entities. A file that declares a document type at all is refused with
 * a message saying why; neither WordPress nor Disqus writes one.
 */
public final class SafeXml {

	private static final XMLInputFactory FACTORY = factory();

	private SafeXml() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("External resources are not read: " + systemId);
		});
		return factory;
	}

	/** A reader for work that reads the whole file; close both when done. */
	public static Opened open(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new ImportRefused("There is no file at " + file + ".");
		}
		try {
			InputStream in = Files.newInputStream(file);
			try {
				return new Opened(in, new Guarded(FACTORY.createXMLStreamReader(in)));
			}
			catch (XMLStreamException ex) {
				in.close();
				throw refused(ex);
			}
		}
		catch (IOException ex) {
			throw new ImportRefused("The file " + file + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The name of the file's first element, read without going further: a quick look, before a long import is started
	 * in the background, that refuses at once what is not XML or declares a document type.
	 * @throws ImportRefused when the file is not XML, is empty or declares a document type
	 */
	public static String rootElement(Path file) {
		try (Opened opened = open(file)) {
			while (true) {
				int event = opened.xml().next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					return opened.xml().local();
				}
				if (event == XMLStreamConstants.END_DOCUMENT) {
					throw new ImportRefused("The file has no elements: it is not an export. Nothing was imported.");
				}
			}
		}
		catch (XMLStreamException ex) {
			throw refused(ex);
		}
	}

	/** Why a file could not be read, in words for whoever ran the import. */
	public static ImportRefused refused(XMLStreamException ex) {
		Location at = ex.getLocation();
		String where = at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
		String message = ex.getMessage() == null ? "" : ex.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
		return new ImportRefused("The file is not well-formed XML, or it ends before its last element" + where + ": "
				+ message.strip() + " Nothing was imported.");
	}

	public record Opened(InputStream in, Guarded xml) implements AutoCloseable {

		@Override
		public void close() {
			try {
				xml.reader().close();
				in.close();
			}
			catch (XMLStreamException | IOException ex) {
				// Closing a file only read from: nothing is lost.
			}
		}
	}

	/** The stream reader, with a check on every step that refuses a document type declaration. */
	public record Guarded(XMLStreamReader reader) {

		public int next() throws XMLStreamException {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
				throw new ImportRefused("The file declares a document type or entities (<!DOCTYPE …>). WordPress and "
						+ "Disqus exports never do, and it is how entity-expansion (\"billion laughs\") and "
						+ "external-entity (XXE) attacks work, so Gazette refuses the file. Nothing was imported.");
			}
			return event;
		}

		/** The text of the element just started (CDATA sections joined), leaving the reader on its end tag. */
		public String text() throws XMLStreamException {
			StringBuilder text = new StringBuilder();
			int depth = 1;
			while (depth > 0) {
				int event = next();
				switch (event) {
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
						text.append(reader.getText());
					case XMLStreamConstants.START_ELEMENT -> depth++;
					case XMLStreamConstants.END_ELEMENT -> depth--;
					case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside an element",
							reader.getLocation());
					default -> {
					}
				}
			}
			return text.toString();
		}

		/** Skips the element just started, with everything in it. */
		public void skip() throws XMLStreamException {
			text();
		}

		public String local() {
			return reader.getLocalName();
		}

		public String attribute(String localName) {
			for (int i = 0; i < reader.getAttributeCount(); i++) {
				if (reader.getAttributeLocalName(i).equals(localName)) {
					return reader.getAttributeValue(i);
				}
			}
			return null;
		}

		/** A short name for the element's namespace: wp, excerpt, content, dc, dsq, or empty. */
		String prefix() {
			String uri = reader.getNamespaceURI();
			if (uri == null || uri.isEmpty() || uri.equals("http://disqus.com")) {
				return "";
			}
			if (uri.startsWith("http://wordpress.org/export/")) {
				return uri.contains("/excerpt/") ? "excerpt" : "wp";
			}
			if (uri.startsWith("http://purl.org/rss/1.0/modules/content")) {
				return "content";
			}
			if (uri.startsWith("http://purl.org/dc/elements")) {
				return "dc";
			}
			if (uri.startsWith("http://disqus.com/disqus-internals")) {
				return "dsq";
			}
			return "other";
		}
	}
}
