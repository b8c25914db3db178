package dev.gazette.moderation.classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelledDataTests {

	private static final String HEADER = "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\r\n";

	private static List<LabelledComment> csv(String text) {
		return LabelledData.readCsv(new StringReader(text), "test.csv");
	}

	private static List<LabelledComment> jsonl(String text) {
		return LabelledData.readJsonLines(new StringReader(text), "test.jsonl");
	}

	@Nested
	class JigsawCsv {

		@Test
		void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
			List<LabelledComment> rows = csv(HEADER
					+ "a1,\"He said \"\"go back to your cave\"\", and, worse,\r\nhe meant it.\",0,0,0,0,0,0\r\n"
					+ "a2,plain text,1,0,0,0,1,0\r\n");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).text()).isEqualTo("He said \"go back to your cave\", and, worse,\r\nhe meant it.");
			assertThat(rows.get(0).isCivil()).isTrue();
			assertThat(rows.get(1)).isEqualTo(new LabelledComment("a2", "plain text", true, false, false, false, true,
					false));
		}

		@Test
		void acceptsLfAndCrLineEndingsAByteOrderMarkAndNoFinalLineBreak() {
			String header = "\uFEFF" + HEADER.replace("\r\n", "\n");
			List<LabelledComment> rows = csv(header + "a1,\"one\",0,0,0,0,0,0\r" + "a2,\"two\",1,0,0,1,0,0");
			assertThat(rows).extracting(LabelledComment::id).containsExactly("a1", "a2");
			assertThat(rows.get(1).threat()).isTrue();
		}

		@Test
		void findsTheColumnsByNameInAnyOrderAndIgnoresOthers() {
			List<LabelledComment> rows = csv("\"comment_text\",\"id\",insult,toxic,severe_toxic,obscene,threat,"
					+ "identity_hate,source\n" + "\"you muppet\",x9,1,1,0,0,0,0,forum\n");
			assertThat(rows.get(0).id()).isEqualTo("x9");
			assertThat(rows.get(0).labels()).containsExactlyInAnyOrder(Label.TOXIC, Label.INSULT);
		}

		@Test
		void emptyFieldsAndEmptyLinesAreFine() {
			List<LabelledComment> rows = csv(HEADER + "\r\n" + "a1,,0,0,0,0,0,0\r\n\r\n");
			assertThat(rows).singleElement().extracting(LabelledComment::text).isEqualTo("");
		}

		@Test
		void skipsRowsJigsawMarksAsNotScored() {
			List<LabelledComment> rows = csv(HEADER + "a1,\"x\",-1,-1,-1,-1,-1,-1\n" + "a2,\"y\",0,0,0,0,0,0\n");
			assertThat(rows).extracting(LabelledComment::id).containsExactly("a2");
		}

		@Test
		void aWrongHeaderSaysWhatWasExpectedAndWhatIsMissing() {
			assertThatThrownBy(() -> csv("id,text,toxic,insult\n1,hello,0,0\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessageContaining("test.csv")
				.hasMessageContaining("id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate")
				.hasMessageContaining("missing comment_text,severe_toxic,obscene,threat,identity_hate");
		}

		@Test
		void anEmptyFileIsAnError() {
			assertThatThrownBy(() -> csv("")).isInstanceOf(LabelledDataException.class).hasMessageContaining("empty");
		}

		@Test
		void aRowWithTheWrongNumberOfFieldsNamesItsLine() {
			assertThatThrownBy(() -> csv(HEADER + "a1,\"two\nlines\",0,0,0,0,0,0\n" + "a2,unquoted, comma,0,0,0,0,0,0\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessage("test.csv, line 4: 9 fields where the header has 8");
		}

		@Test
		void aQuoteThatIsNeverClosedIsAnError() {
			assertThatThrownBy(() -> csv(HEADER + "a1,\"no end,0,0,0,0,0,0\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessage("test.csv, line 2: a quoted field is never closed");
		}

		@Test
		void textAfterAClosingQuoteIsAnError() {
			assertThatThrownBy(() -> csv(HEADER + "a1,\"say \"hi\" now\",0,0,0,0,0,0\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessageContaining("line 2")
				.hasMessageContaining("must be doubled");
		}

		@Test
		void aLabelOtherThanZeroOrOneIsAnError() {
			assertThatThrownBy(() -> csv(HEADER + "a1,\"x\",0,0,yes,0,0,0\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessage("test.csv, line 2: obscene is 'yes', expected 0 or 1");
		}
	}

	@Nested
	class JsonLines {

		@Test
		void readsALabelsObjectAndImpliesToxic() {
			List<LabelledComment> rows = jsonl("{\"id\": \"c1\", \"text\": \"you clown\", \"labels\": {\"insult\": 1, "
					+ "\"threat\": 0}}\n\n{\"text\": \"thanks \\\"all\\\"\\n\\u00e9\", \"labels\": {}}\n");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).labels()).containsExactlyInAnyOrder(Label.TOXIC, Label.INSULT);
			assertThat(rows.get(1).id()).isEqualTo("line-3");
			assertThat(rows.get(1).text()).isEqualTo("thanks \"all\"\né");
			assertThat(rows.get(1).isCivil()).isTrue();
		}

		@Test
		void readsJigsawFieldNamesAtTheTopLevel() {
			List<LabelledComment> rows = jsonl("{\"id\": 42, \"comment_text\": \"x\", \"toxic\": 1, \"obscene\": true, "
					+ "\"threat\": 0.2, \"identity_hate\": 0.75}");
			assertThat(rows.get(0).id()).isEqualTo("42");
			assertThat(rows.get(0).labels()).containsExactlyInAnyOrder(Label.TOXIC, Label.OBSCENE,
					Label.IDENTITY_HATE);
		}

		@Test
		void readsALabelsArrayAndPerspectiveNames() {
			List<LabelledComment> rows = jsonl("{\"text\": \"x\", \"labels\": [\"identity_attack\", \"threat\"]}");
			assertThat(rows.get(0).labels()).containsExactlyInAnyOrder(Label.TOXIC, Label.IDENTITY_HATE,
					Label.THREAT);
		}

		@Test
		void anUnknownLabelIsAnError() {
			assertThatThrownBy(() -> jsonl("{\"text\": \"x\", \"labels\": {\"rude\": 1}}"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessageContaining("test.jsonl, line 1")
				.hasMessageContaining("Unknown label 'rude'");
		}

		@Test
		void brokenJsonNamesItsLine() {
			assertThatThrownBy(() -> jsonl("{\"text\": \"ok\"}\n{\"text\": \"no end}\n"))
				.isInstanceOf(LabelledDataException.class)
				.hasMessageStartingWith("test.jsonl, line 2: not JSON");
		}

		@Test
		void aRowWithoutTextIsAnError() {
			assertThatThrownBy(() -> jsonl("{\"labels\": {}}")).isInstanceOf(LabelledDataException.class)
				.hasMessageContaining("no \"text\"");
		}
	}

	@Nested
	class ReadingFiles {

		@TempDir
		Path directory;

		@Test
		void tellsTheFormatByTheFileName() throws IOException {
			Path csv = Files.writeString(this.directory.resolve("a.csv"), HEADER + "a1,\"x\",0,0,0,0,0,0\r\n");
			Path jsonl = Files.writeString(this.directory.resolve("b.jsonl"), "{\"text\": \"y\", \"labels\": [\"insult\"]}\n");
			Path gzipped = this.directory.resolve("c.csv.gz");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
				out.write((HEADER + "c1,\"z\",1,0,0,0,0,0\r\n").getBytes(StandardCharsets.UTF_8));
			}
			Files.write(gzipped, bytes.toByteArray());
			assertThat(LabelledData.read(csv)).extracting(LabelledComment::text).containsExactly("x");
			assertThat(LabelledData.read(jsonl).get(0).labels()).isEqualTo(EnumSet.of(Label.TOXIC, Label.INSULT));
			assertThat(LabelledData.read(gzipped).get(0).toxic()).isTrue();
		}

		@Test
		void anUnknownExtensionIsAnError() throws IOException {
			Path text = Files.writeString(this.directory.resolve("a.txt"), "hello");
			assertThatThrownBy(() -> LabelledData.read(text)).isInstanceOf(LabelledDataException.class)
				.hasMessageContaining(".csv or .jsonl");
		}
	}

	@Nested
	class ShippedFiles {

		@Test
		void theTrainingSetHasTheRowsAndLabelCountsItsReadmeReports() {
			List<LabelledComment> rows = ShippedData.training();
			// training.csv (2,342 rows) and the 20 topic files (10,140): the figures of the data set's README added up.
			assertThat(rows).hasSize(12856);
			assertThat(rows.get(0).id()).isEqualTo("t0001");
			assertThat(rows.get(2341).id()).isEqualTo("t2342");
			assertThat(rows.get(2342).id()).isEqualTo("caucasus-0001");
			assertThat(ShippedData.topics()).hasSize(20).contains("caucasus", "everyday-life");
			assertThat(count(rows, Label.TOXIC)).isEqualTo(1249 + 4543);
			assertThat(count(rows, Label.SEVERE_TOXIC)).isEqualTo(87 + 331);
			assertThat(count(rows, Label.OBSCENE)).isEqualTo(240 + 742);
			assertThat(count(rows, Label.THREAT)).isEqualTo(199 + 949);
			assertThat(count(rows, Label.INSULT)).isEqualTo(937 + 3540);
			assertThat(count(rows, Label.IDENTITY_HATE)).isEqualTo(484 + 2019);
			assertThat(rows.stream().filter(row -> row.text().contains("\n")).count()).isEqualTo(103);
		}

		@Test
		void theEvaluationSetHasTheRowsAndLabelCountsItsReadmeReports() {
			List<LabelledComment> rows = ShippedData.evaluation();
			assertThat(rows).hasSize(480);
			assertThat(count(rows, Label.TOXIC)).isEqualTo(280);
			assertThat(count(rows, Label.THREAT)).isEqualTo(50);
			assertThat(count(rows, Label.INSULT)).isEqualTo(195);
			assertThat(count(rows, Label.IDENTITY_HATE)).isEqualTo(72);
			assertThat(rows.stream().filter(row -> row.text().contains("\n")).count()).isEqualTo(15);
		}

		@Test
		void listsTheSpamAndHarshButCivilRows() {
			assertThat(ShippedData.spamIds()).hasSize(50).contains("t0042", "e0405");
			assertThat(ShippedData.harshCivilIds()).hasSize(630 + 2730)
				.contains("t0003", "t1761", "t2004", "t2128", "caucasus-0068");
		}

		private static long count(List<LabelledComment> rows, Label label) {
			return rows.stream().filter(row -> row.has(label)).count();
		}
	}
}
