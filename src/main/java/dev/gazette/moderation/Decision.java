package dev.gazette.moderation;

import java.util.List;
import java.util.Map;

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
}
