package dev.gazette.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gazette.comment.Screening.Concern;

/**
 * The pipeline's decision on one comment: the action, every signal that fired, and the classifier's scores.
 * {@code action} is the strongest signal's; with no signal, publish.
 */
public record Decision(Signal.Action action, List<Signal> signals, Map<String, Double> scores) {

	public static Decision of(List<Signal> signals, Map<String, Double> scores) {
		Signal.Action action = signals.stream()
			.map(Signal::action)
			.max(Enum::compareTo)
			.orElse(Signal.Action.PUBLISH);
		return new Decision(action, List.copyOf(signals), Map.copyOf(scores));
	}

	/** One line for the audit log: the action and the signals that asked for it. */
	public String summary() {
		if (signals.isEmpty()) {
			return action.key();
		}
		return action.key() + ": " + String.join("; ", signals.stream().map(s -> s.name() + " (" + s.detail() + ")").toList());
	}

	/**
	 * What the reader is told: the concerns of the signals that hold or nudge, one per guideline (a personal attack
	 * found by two labels is named once), each with every part that triggered it, in the order of the signals.
	 */
	public List<Concern> concerns() {
		Map<String, Concern> byGuideline = new LinkedHashMap<>();
		Map<String, Set<String>> parts = new LinkedHashMap<>();
		for (Signal signal : signals) {
			Concern concern = signal.concern();
			if (concern == null || (signal.action() != Signal.Action.HOLD && signal.action() != Signal.Action.NUDGE)) {
				continue;
			}
			byGuideline.putIfAbsent(concern.guideline(), concern);
			parts.computeIfAbsent(concern.guideline(), key -> new LinkedHashSet<>()).addAll(concern.parts());
		}
		List<Concern> concerns = new ArrayList<>();
		byGuideline.forEach((key, concern) -> concerns.add(new Concern(concern.reason(), List.copyOf(parts.get(key)),
				key, concern.guidelineText(), concern.guidelineUrl())));
		return concerns;
	}
}
