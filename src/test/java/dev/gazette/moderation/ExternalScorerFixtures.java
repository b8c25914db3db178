package dev.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.comment.Commenter;
import dev.gazette.comment.Submission;
import dev.gazette.moderation.internal.ExternalScorers;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** External scorers configured as a site would configure them, and a comment to ask them about. */
final class ExternalScorerFixtures {

	private ExternalScorerFixtures() {
	}

	/** The scorers that {@code settings} (keys under {@code gazette.moderation.}) turn on, bound like the real ones. */
	static ExternalScorers scorers(Map<String, String> settings, ObjectMapper json, Clock clock) {
		Map<String, String> properties = new HashMap<>();
		settings.forEach((key, value) -> properties.put("gazette.moderation." + key, value));
		ModerationProperties bound = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("gazette.moderation", ModerationProperties.class);
		return new ExternalScorers(bound, json, clock);
	}

	/** A guest's reply to comment 7 under "The dam". */
	static Submission submission(String text) {
		Article article = new Article(1, "the-dam", "The dam", "Standfirst", "Body", "<p>Body</p>", ArticleKind.NEWS,
				null, List.of(), List.of(), Instant.parse("2018-07-01T09:00:00Z"), null, null, null, null, true, 1,
				DiscussionSettings.DEFAULT, null, null);
		return new Submission(article, new Commenter(null, "Leyla", null), text, 7L, false, false);
	}
}
