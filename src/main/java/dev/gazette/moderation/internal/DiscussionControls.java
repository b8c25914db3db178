package dev.gazette.moderation.internal;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.DiscussionSettings;
import dev.gazette.moderation.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes how an article's discussion is run and puts the change in the audit log: the page and the API use it. */
@Service
public class DiscussionControls {

	private final ArticleCatalog articles;

	private final AuditLog audit;

	public DiscussionControls(ArticleCatalog articles, AuditLog audit) {
		this.articles = articles;
		this.audit = audit;
	}

	/**
	 * @throws IllegalArgumentException for an unknown article or a closing day below one; nothing changes then
	 */
	@Transactional
	public Article change(String slug, boolean open, DiscussionSettings settings, long actorId) {
		if (settings.closeAfterDays() != null && settings.closeAfterDays() > 36_500) {
			throw new IllegalArgumentException("“Close after” can be at most 36,500 days.");
		}
		Article changed = articles.changeDiscussion(slug, open, settings);
		audit.record(null, null, actorId, "discussion-settings", null, describe(changed));
		return changed;
	}

	public static String describe(Article article) {
		DiscussionSettings s = article.discussion();
		return "“" + article.headline() + "” (" + article.slug() + "): " + (article.commentsOpen() ? "open" : "closed")
				+ (s.premoderated() ? ", every comment pre-moderated" : "")
				+ (s.closeAfterDays() == null ? "" : ", closes " + s.closeAfterDays() + " days after publication")
				+ (s.guestsAllowed() == null ? ", guests as the site" : s.guestsAllowed() ? ", guests allowed" : ", no guests");
	}
}
