package dev.gazette.moderation.classifier;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream: fields separated by commas, records by CRLF (a lone LF or CR is accepted
 * too), a field in double quotes may hold commas, line breaks and quotes (each written twice). A quote
 * inside an unquoted field is kept as it is; anything but a comma or a line break after a closing quote is an error,
 * and so is a quote that is never closed. A byte-order mark at the start is skipped; empty lines are skipped.
 */
final class CsvReader {

	private static final int END = -1;

	private final Reader reader;

	private final String source;

	private int pushedBack = -2;

	private int line = 1;

	private int recordLine;

	private boolean started;

	CsvReader(Reader reader, String source) {
		this.reader = reader;
		this.source = source;
	}

	/** The line (1-based) on which the last record returned by {@link #next()} began. */
	int recordLine() {
		return this.recordLine;
	}

	/** The next record, or {@code null} at the end. */
	List<String> next() {
		int c = read();
		if (!this.started) {
			this.started = true;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		while (c == '\r' || c == '\n') {
			endOfLine(c);
			c = read();
		}
		if (c == END) {
			return null;
		}
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		while (true) {
			if (c == '"' && field.length() == 0) {
				c = quoted(field);
			}
			else {
				while (c != ',' && c != '\r' && c != '\n' && c != END) {
					field.append((char) c);
					c = read();
				}
			}
			fields.add(field.toString());
			field.setLength(0);
			if (c == ',') {
				c = read();
				continue;
			}
			if (c != END) {
				endOfLine(c);
			}
			return fields;
		}
	}

	/** Reads a quoted field after its opening quote; returns the character after the closing quote. */
	private int quoted(StringBuilder field) {
		int openedOn = this.line;
		while (true) {
			int c = read();
			if (c == END) {
				throw error(openedOn, "a quoted field is never closed");
			}
			if (c == '"') {
				int after = read();
				if (after == '"') {
					field.append('"');
					continue;
				}
				if (after != ',' && after != '\r' && after != '\n' && after != END) {
					throw error(this.line, "unexpected '" + (char) after + "' after the closing quote of a field "
							+ "(a quote inside a quoted field must be doubled)");
				}
				return after;
			}
			field.append((char) c);
			if (c == '\n' || (c == '\r' && peek() != '\n')) {
				this.line++;
			}
		}
	}

	/** Consumes the rest of one line ending (CRLF, LF or CR) whose first character is {@code c}. */
	private void endOfLine(int c) {
		if (c == '\r' && peek() == '\n') {
			read();
		}
		this.line++;
	}

	private int peek() {
		int c = read();
		unread(c);
		return c;
	}

	private int read() {
		if (this.pushedBack != -2) {
			int c = this.pushedBack;
			this.pushedBack = -2;
			return c;
		}
		try {
			return this.reader.read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(this.source + ": " + ex.getMessage(), ex);
		}
	}

	private void unread(int c) {
		this.pushedBack = c;
	}

	private LabelledDataException error(int line, String message) {
		return new LabelledDataException(this.source + ", line " + line + ": " + message);
	}
}
