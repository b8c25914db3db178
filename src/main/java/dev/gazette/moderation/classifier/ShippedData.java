package dev.gazette.moderation.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The labelled data shipped in {@code src/main/resources/moderation}, and its lists of special rows. */
public final class ShippedData {

	private static final Pattern SPAM_LINE = Pattern.compile("(?m)^Spam ids:(.*)$");

	private static final Pattern ID = Pattern.compile("[te]\\d{4}");

	private ShippedData() {
	}

	/** The topic files' index: one topic a line; the rows of topic {@code x} are in {@code moderation/topics/x.csv}. */
	static final String TOPIC_INDEX = "moderation/topics/topics.txt";

	/**
	 * The training comments: {@code training.csv} and every topic file of {@link #TOPIC_INDEX} (without their
	 * counterfactual copies; see {@link Trainer#shippedData()}).
	 */
	public static List<LabelledComment> training() {
		List<LabelledComment> rows = new ArrayList<>(LabelledData.readResource(LabelledData.SHIPPED_TRAINING));
		for (String topic : topics()) {
			rows.addAll(LabelledData.readResource(topicFile(topic)));
		}
		return rows;
	}

	/** The resource that holds a topic's rows. */
	static String topicFile(String topic) {
		return "moderation/topics/" + topic + ".csv";
	}

	/** The topics that have a training file of their own, in the index's order. */
	public static List<String> topics() {
		return LabelledData.readResourceText(TOPIC_INDEX)
			.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	/** The 480 evaluation comments, written separately from training. Never train or tune on these. */
	public static List<LabelledComment> evaluation() {
		return LabelledData.readResource(LabelledData.SHIPPED_EVALUATION);
	}

	/** Ids of the harsh-but-civil rows of both files (the hard negatives). */
	public static Set<String> harshCivilIds() {
		return Arrays.stream(LabelledData.readResourceText(LabelledData.SHIPPED_HARSH_CIVIL_IDS).split("\\s+"))
			.filter(id -> !id.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Ids of the spam rows of both files, from the “Spam ids:” line of the data set's README. */
	public static Set<String> spamIds() {
		Matcher line = SPAM_LINE.matcher(LabelledData.readResourceText(LabelledData.SHIPPED_README));
		if (!line.find()) {
			throw new LabelledDataException(LabelledData.SHIPPED_README + ": no 'Spam ids:' line");
		}
		return ID.matcher(line.group(1)).results().map(MatchResult::group).collect(Collectors.toUnmodifiableSet());
	}
}
