package dev.gazette.moderation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gazette.comment.Screening.Concern;
import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.classifier.Scores;
import dev.gazette.moderation.ClassifierModels;

/**
 * What in a comment made the word lists or the classifier fire, and the guideline it may break: what the nudge tells
 * the reader and the console shows moderators. For a classifier label, each sentence is scored on its own with the
 * classifier's public scoring, as a reader would reread their comment sentence by sentence.
 */
public final class Explanations {

	/** At most this many sentences are quoted for one label. */
	public static final int MAX_PARTS = 3;

	private final ClassifierModels classifier;

	public Explanations(ClassifierModels classifier) {
		this.classifier = classifier;
	}

	/** A suspect phrase as the reader wrote it (their case) when it is there as such, else as listed. */
	public Concern ofWords(String phrase, String text) {
		Matcher found = Pattern.compile(Pattern.quote(phrase), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
			.matcher(text);
		return Guideline.DEHUMANISING_WORDS.concern(List.of(CommentParts.quote(found.find() ? found.group() : phrase)));
	}

	/** For each held label, in label order, the sentences that carry it and the guideline it stands for. */
	public Map<Label, Concern> ofLabels(Set<Label> held, Scores whole, String text) {
		Map<Label, Concern> concerns = new EnumMap<>(Label.class);
		if (held.isEmpty()) {
			return concerns;
		}
		List<ScoredSentence> sentences = scoredSentences(text);
		for (Label label : held) {
			concerns.put(label, Guideline.of(label).concern(carrying(label, whole, sentences)));
		}
		return concerns;
	}

	private record ScoredSentence(int position, String text, Scores scores) {
	}

	private List<ScoredSentence> scoredSentences(String text) {
		List<String> sentences = CommentParts.sentences(text);
		List<ScoredSentence> scored = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			String sentence = sentences.get(i);
			scored.add(new ScoredSentence(i, sentence, sentences.size() == 1 ? null : classifier.score(sentence)));
		}
		return scored;
	}

	/**
	 * The sentences that carry a held label, quoted: a one-sentence comment is its own part; otherwise each sentence,
	 * scored alone, that would be held for the label on its own (the three highest, in the order written) or, when
	 * none would, the highest-scoring one if it clearly stands out: twice the next one's score and at least half the
	 * whole comment's. Empty when no sentence does: then it is the comment as a whole.
	 */
	private List<String> carrying(Label label, Scores whole, List<ScoredSentence> sentences) {
		if (sentences.size() == 1) {
			return List.of(CommentParts.quote(sentences.get(0).text()));
		}
		List<ScoredSentence> byScore = sentences.stream()
			.sorted(Comparator.comparingDouble((ScoredSentence s) -> s.scores().get(label)).reversed())
			.toList();
		List<ScoredSentence> parts = byScore.stream()
			.filter(s -> classifier.held(s.scores()).contains(label))
			.limit(MAX_PARTS)
			.toList();
		if (parts.isEmpty() && !byScore.isEmpty()) {
			double top = byScore.get(0).scores().get(label);
			double next = byScore.size() > 1 ? byScore.get(1).scores().get(label) : 0;
			if (top >= 2 * next && top >= whole.get(label) / 2) {
				parts = List.of(byScore.get(0));
			}
		}
		return parts.stream()
			.sorted(Comparator.comparingInt(ScoredSentence::position))
			.map(s -> CommentParts.quote(s.text()))
			.toList();
	}
}
