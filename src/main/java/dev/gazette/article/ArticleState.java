package dev.gazette.article;

import java.util.Locale;

/**
 * Where an article is in the newsroom's workflow. Readers see a {@link #PUBLISHED} article, and a {@link #SCHEDULED}
 * one once its publication time has come; every other state is the newsroom's alone.
 */
public enum ArticleState {

	DRAFT, SUBMITTED, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ArticleState fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
