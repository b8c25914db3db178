package dev.gazette.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed between two revisions: each field that differs, and the body line by line (java-diff-utils), both as
 * a unified diff a person can read and as a list of changes a program can show.
 *
 * @param fields the fields that differ, in the order of {@link RevisionFields#byName()}
 * @param unified the body as a unified diff with three lines of context; empty when the body is unchanged
 * @param body the changed runs of lines; line numbers count from 1
 */
public record RevisionDiff(int from, int to, List<FieldChange> fields, String unified, List<BodyChange> body) {

	/** A field with its value in each revision. */
	public record FieldChange(String field, Object from, Object to) {
	}

	/**
	 * A run of lines that changed: {@code type} is insert, delete or change; {@code fromLine} and {@code toLine} are
	 * where the run begins in each revision.
	 */
	public record BodyChange(String type, int fromLine, List<String> removed, int toLine, List<String> added) {
	}

	static RevisionDiff between(Revision older, Revision newer) {
		List<FieldChange> fields = new ArrayList<>();
		Map<String, Object> before = older.fields().byName();
		Map<String, Object> after = newer.fields().byName();
		before.forEach((name, value) -> {
			if (!Objects.equals(value, after.get(name))) {
				fields.add(new FieldChange(name, value, after.get(name)));
			}
		});
		List<String> original = lines(older.bodyMarkdown());
		List<String> revised = lines(newer.bodyMarkdown());
		Patch<String> patch = DiffUtils.diff(original, revised);
		List<BodyChange> body = new ArrayList<>();
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			body.add(new BodyChange(delta.getType().name().toLowerCase(java.util.Locale.ROOT),
					delta.getSource().getPosition() + 1, delta.getSource().getLines(), delta.getTarget().getPosition() + 1,
					delta.getTarget().getLines()));
		}
		String unified = patch.getDeltas().isEmpty() ? ""
				: String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("revision " + older.number(),
						"revision " + newer.number(), original, patch, 3)) + "\n";
		return new RevisionDiff(older.number(), newer.number(), fields, unified, body);
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
	}
}
