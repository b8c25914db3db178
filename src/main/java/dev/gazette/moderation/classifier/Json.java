package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a JSON (RFC 8259) parser for one line of a JSONL file: objects as maps, arrays as lists, strings,
 * numbers as {@code Double}, booleans and null. The classifier depends on nothing but the JDK, so it carries this
 * rather than a JSON library.
 */
final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	/** The value in this text, which must hold exactly one. */
	static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.at != text.length()) {
			throw json.error("unexpected text after the value");
		}
		return value;
	}

	private Object value() {
		skipSpace();
		if (this.at >= this.text.length()) {
			throw error("a value is missing");
		}
		char c = this.text.charAt(this.at);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		this.at++;
		skipSpace();
		if (peek() == '}') {
			this.at++;
			return object;
		}
		while (true) {
			skipSpace();
			if (peek() != '"') {
				throw error("expected a field name in quotes");
			}
			String name = string();
			skipSpace();
			expect(':');
			object.put(name, value());
			skipSpace();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect('}');
			return object;
		}
	}

	private List<Object> array() {
		List<Object> array = new ArrayList<>();
		this.at++;
		skipSpace();
		if (peek() == ']') {
			this.at++;
			return array;
		}
		while (true) {
			array.add(value());
			skipSpace();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect(']');
			return array;
		}
	}

	private String string() {
		this.at++;
		StringBuilder out = new StringBuilder();
		while (true) {
			if (this.at >= this.text.length()) {
				throw error("a string is never closed");
			}
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("a control character inside a string must be escaped");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (this.at >= this.text.length()) {
				throw error("a string is never closed");
			}
			char escaped = this.text.charAt(this.at++);
			switch (escaped) {
				case '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> out.append(unicodeEscape());
				default -> throw error("unknown escape \\" + escaped);
			}
		}
	}

	private char unicodeEscape() {
		if (this.at + 4 > this.text.length()) {
			throw error("a \\u escape needs four hex digits");
		}
		try {
			char c = (char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16);
			this.at += 4;
			return c;
		}
		catch (NumberFormatException ex) {
			throw error("a \\u escape needs four hex digits");
		}
	}

	private Double number() {
		int start = this.at;
		while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		if (start == this.at) {
			throw error("unexpected '" + this.text.charAt(start) + "'");
		}
		try {
			return Double.valueOf(this.text.substring(start, this.at));
		}
		catch (NumberFormatException ex) {
			throw error("not a number: " + this.text.substring(start, this.at));
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error("unexpected '" + this.text.charAt(this.at) + "'");
		}
		this.at += word.length();
		return value;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("expected '" + c + "'");
		}
		this.at++;
	}

	private int peek() {
		return this.at < this.text.length() ? this.text.charAt(this.at) : -1;
	}

	private void skipSpace() {
		while (this.at < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at character " + (this.at + 1));
	}
}
