package dev.gazette.moderation.classifier;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * RFC 4180 records from a character stream, read by Jackson's CSV parser: fields separated by commas, records by CRLF
 * (a lone LF or CR is accepted too), a field in double quotes may hold commas, line breaks and quotes (each written
 * twice). A byte-order mark at the start and empty lines are skipped. What Jackson refuses (a quote never closed, text
 * after a closing quote) becomes a {@link LabelledDataException} naming the source and the line.
 */
final class CsvReader {

	/** No schema: each record comes as an array of strings, the header row included. */
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

	private final JsonParser parser;

	private final String source;

	private int recordLine;

	CsvReader(Reader reader, String source) {
		this.source = source;
		try {
			this.parser = CSV.createParser(withoutByteOrderMark(reader));
		}
		catch (JacksonException ex) {
			throw error(ex);
		}
	}

	/** The line (1-based) on which the last record returned by {@link #next()} began. */
	int recordLine() {
		return this.recordLine;
	}

	/** The next record, or {@code null} at the end. */
	List<String> next() {
		this.recordLine = 0;
		try {
			JsonToken token = this.parser.nextToken();
			if (token == null) {
				return null;
			}
			List<String> fields = new ArrayList<>();
			for (token = this.parser.nextToken(); token != JsonToken.END_ARRAY; token = this.parser.nextToken()) {
				if (fields.isEmpty()) {
					this.recordLine = this.parser.currentTokenLocation().getLineNr();
				}
				fields.add(this.parser.getString());
			}
			return fields;
		}
		catch (JacksonException ex) {
			throw error(ex);
		}
	}

	private LabelledDataException error(JacksonException ex) {
		String problem = ex.getOriginalMessage();
		if (problem.contains("Missing closing quote")) {
			problem = "a quoted field is never closed";
		}
		else if (problem.contains("Expected column separator")) {
			problem = problem + " (a quote inside a quoted field must be doubled)";
		}
		// A quote never closed is reported where the text ends; the line its record began on is the one to fix.
		int line = (this.recordLine > 0 && problem.startsWith("a quoted field")) || ex.getLocation() == null
				? this.recordLine : ex.getLocation().getLineNr();
		return new LabelledDataException(this.source + ", line " + line + ": " + problem, ex);
	}

	private Reader withoutByteOrderMark(Reader reader) {
		PushbackReader pushback = new PushbackReader(reader, 1);
		try {
			int first = pushback.read();
			if (first != -1 && first != '\uFEFF') {
				pushback.unread(first);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(this.source + ": " + ex.getMessage(), ex);
		}
		return pushback;
	}
}
