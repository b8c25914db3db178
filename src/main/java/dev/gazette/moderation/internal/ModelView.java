package dev.gazette.moderation.internal;

import dev.gazette.moderation.ClassifierModels;

import java.util.List;

/**
 * The classifier page: its versions (newest, the one in use, first), how many moderator decisions were kept since
 * the newest was trained, and a note about the last request.
 */
public record ModelView(List<ClassifierModels.Version> versions, long decisionsSinceTraining, int retrainAfter,
		String message, String error) {
}
