package dev.gazette.moderation.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads labelled comments from the two formats the classifier accepts.
 * <ul>
 * <li><b>CSV</b> in the Jigsaw toxic-comment layout, with a header naming at least
 * {@code id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate} (in any order; other columns are
 * ignored), RFC 4180 quoting, labels {@code 0}/{@code 1}. Rows whose labels are {@code -1} (Jigsaw's mark for “not
 * scored”) are skipped. Labels are taken as they are: the shipped data always sets {@code toxic} with another label,
 * Jigsaw's own data nearly always does.</li>
 * <li><b>JSONL</b>, one object a line:
 * <code>{&quot;id&quot;: &quot;c1&quot;, &quot;text&quot;: &quot;…&quot;, &quot;labels&quot;: {&quot;insult&quot;: 1}}</code>,
 * or with <code>&quot;labels&quot;: [&quot;insult&quot;]</code>, or with the Jigsaw field names at the top level
 * ({@code comment_text}, {@code toxic}, …).
 * A label is set by {@code 1}, {@code true} or any number ≥ 0.5 (for averaged annotator scores). Perspective's names
 * {@code toxicity}, {@code severe_toxicity}, {@code profanity} and {@code identity_attack} are accepted for ours. In
 * this format any other label implies {@code toxic}. Without an id, a row is called {@code line-N}.</li>
 * </ul>
 * Files ending in {@code .gz} are decompressed first; text is UTF-8.
 */
public final class LabelledData {

	/** The shipped training set, on the classpath. */
	static final String SHIPPED_TRAINING = "moderation/training.csv";

	/** The shipped evaluation set, written separately from training; never train on it. */
	static final String SHIPPED_EVALUATION = "moderation/evaluation.csv";

	/** Ids of the shipped rows that are harsh but civil, one a line. */
	static final String SHIPPED_HARSH_CIVIL_IDS = "moderation/harsh-civil-ids.txt";

	/** The data set's README, whose “Spam ids:” line lists the spam rows. */
	static final String SHIPPED_README = "moderation/README.md";

	/** One JSONL line as plain Java values: objects as maps, arrays as lists, numbers as {@link Number}. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> JIGSAW_HEADER = List.of("id", "comment_text", "toxic", "severe_toxic",
			"obscene", "threat", "insult", "identity_hate");

	private static final Map<String, Label> ALIASES = Map.of("toxicity", Label.TOXIC, "severe_toxicity",
			Label.SEVERE_TOXIC, "profanity", Label.OBSCENE, "identity_attack", Label.IDENTITY_HATE);

	private LabelledData() {
	}

	/** A CSV or JSONL file, told apart by its name ({@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}). */
	public static List<LabelledComment> read(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		boolean gzipped = name.endsWith(".gz");
		String format = gzipped ? name.substring(0, name.length() - 3) : name;
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
				Reader reader = utf8(in)) {
			if (format.endsWith(".csv")) {
				return readCsv(reader, file.toString());
			}
			if (format.endsWith(".jsonl") || format.endsWith(".ndjson") || format.endsWith(".json")) {
				return readJsonLines(reader, file.toString());
			}
			throw new LabelledDataException(file + ": unknown format; name the file .csv or .jsonl");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
		}
	}

	/** A CSV or JSONL resource on the classpath, e.g. {@code moderation/training.csv}. */
	public static List<LabelledComment> readResource(String name) {
		try (Reader reader = utf8(resource(name))) {
			return name.endsWith(".csv") ? readCsv(reader, name) : readJsonLines(reader, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(name + ": " + ex.getMessage(), ex);
		}
	}

	/** Rows in the Jigsaw CSV layout; {@code source} names the input in error messages. */
	public static List<LabelledComment> readCsv(Reader reader, String source) {
		CsvReader csv = new CsvReader(reader, source);
		List<String> header = csv.next();
		if (header == null) {
			throw new LabelledDataException(source + ": empty; expected the header " + String.join(",", JIGSAW_HEADER));
		}
		int[] columns = columnsOf(header, source);
		List<LabelledComment> comments = new ArrayList<>();
		for (List<String> row = csv.next(); row != null; row = csv.next()) {
			if (row.size() != header.size()) {
				throw new LabelledDataException(source + ", line " + csv.recordLine() + ": " + row.size()
						+ " fields where the header has " + header.size());
			}
			boolean[] labels = new boolean[Label.count()];
			boolean scored = true;
			for (int label = 0; label < labels.length; label++) {
				String value = row.get(columns[2 + label]).strip();
				switch (value) {
					case "1" -> labels[label] = true;
					case "0" -> labels[label] = false;
					case "-1" -> scored = false;
					default -> throw new LabelledDataException(source + ", line " + csv.recordLine() + ": "
							+ Label.at(label).column() + " is '" + value + "', expected 0 or 1");
				}
			}
			if (scored) {
				comments.add(new LabelledComment(row.get(columns[0]), row.get(columns[1]), labels[0], labels[1],
						labels[2], labels[3], labels[4], labels[5]));
			}
		}
		return comments;
	}

	/** Where each column of the Jigsaw layout is in this header, in the layout's order. */
	private static int[] columnsOf(List<String> header, String source) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			positions.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		Set<String> missing = new LinkedHashSet<>(JIGSAW_HEADER);
		missing.removeAll(positions.keySet());
		if (!missing.isEmpty()) {
			throw new LabelledDataException(source + ": the header must name the columns "
					+ String.join(",", JIGSAW_HEADER) + " (Jigsaw toxic-comment layout); found "
					+ String.join(",", header) + ", missing " + String.join(",", missing));
		}
		return JIGSAW_HEADER.stream().mapToInt(positions::get).toArray();
	}

	/** One JSON object a line; blank lines are skipped. */
	public static List<LabelledComment> readJsonLines(Reader reader, String source) {
		BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
		List<LabelledComment> comments = new ArrayList<>();
		int lineNumber = 0;
		try {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				lineNumber++;
				if (lineNumber == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				if (!line.isBlank()) {
					comments.add(fromJson(line, "line-" + lineNumber, source + ", line " + lineNumber));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(source + ": " + ex.getMessage(), ex);
		}
		return comments;
	}

	private static LabelledComment fromJson(String line, String defaultId, String where) {
		Object parsed;
		try {
			parsed = JSON.readValue(line, Object.class);
		}
		catch (JacksonException ex) {
			throw new LabelledDataException(where + ": not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(parsed instanceof Map<?, ?> row)) {
			throw new LabelledDataException(where + ": expected an object {\"text\": …, \"labels\": {…}}");
		}
		Object text = row.containsKey("text") ? row.get("text") : row.get("comment_text");
		if (!(text instanceof String comment)) {
			throw new LabelledDataException(where + ": no \"text\" (or \"comment_text\") string");
		}
		Object id = row.get("id");
		String name = (id == null) ? defaultId : (id instanceof Number number) ? idOf(number) : id.toString();
		Set<Label> labels = row.containsKey("labels") ? labels(row.get("labels"), where) : topLevelLabels(row, where);
		return LabelledComment.withLabels(name, comment, labels);
	}

	private static String idOf(Number number) {
		double value = number.doubleValue();
		return (value == Math.rint(value)) ? Long.toString(number.longValue()) : number.toString();
	}

	private static Set<Label> labels(Object labels, String where) {
		Set<Label> set = EnumSet.noneOf(Label.class);
		if (labels instanceof List<?> names) {
			for (Object name : names) {
				set.add(label(String.valueOf(name), where));
			}
			return set;
		}
		if (labels instanceof Map<?, ?> values) {
			values.forEach((name, value) -> {
				if (isSet(value, where + ", label " + name)) {
					set.add(label(String.valueOf(name), where));
				}
				else {
					label(String.valueOf(name), where);
				}
			});
			return set;
		}
		throw new LabelledDataException(where + ": \"labels\" must be an object like {\"insult\": 1} or an array");
	}

	private static Set<Label> topLevelLabels(Map<?, ?> row, String where) {
		Set<Label> set = EnumSet.noneOf(Label.class);
		for (Label label : Label.values()) {
			if (row.containsKey(label.column()) && isSet(row.get(label.column()), where + ", " + label.column())) {
				set.add(label);
			}
		}
		return set;
	}

	private static Label label(String name, String where) {
		Label alias = ALIASES.get(name.strip().toLowerCase(Locale.ROOT));
		if (alias != null) {
			return alias;
		}
		try {
			return Label.fromColumn(name);
		}
		catch (IllegalArgumentException ex) {
			throw new LabelledDataException(where + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isSet(Object value, String where) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value instanceof Number number) {
			return number.doubleValue() >= 0.5;
		}
		if (value instanceof String text && Arrays.asList("0", "1").contains(text.strip())) {
			return text.strip().equals("1");
		}
		throw new LabelledDataException(where + ": expected 0, 1, true, false or a score, not " + value);
	}

	/** The lines of a text resource on the classpath, e.g. {@link #SHIPPED_HARSH_CIVIL_IDS}. */
	static String readResourceText(String name) {
		try (InputStream in = resource(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(name + ": " + ex.getMessage(), ex);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = LabelledData.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new LabelledDataException(name + ": not on the classpath");
		}
		return in;
	}

	private static Reader utf8(InputStream in) {
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}
}
