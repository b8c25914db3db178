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

	/**
	 * Whether a piece in this state may move to {@code target}: the workflow's moves, the one list of them. Moving to
	 * the state a piece is in is no move, except rescheduling a scheduled piece.
	 */
	public boolean canMoveTo(ArticleState target) {
		return switch (target) {
			case DRAFT -> this != DRAFT && this != PUBLISHED;
			case SUBMITTED -> this == DRAFT;
			case IN_REVIEW -> this == SUBMITTED;
			case SCHEDULED, PUBLISHED -> this != PUBLISHED;
			case UNPUBLISHED -> this == PUBLISHED;
		};
	}

	public static ArticleState fromKey(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
