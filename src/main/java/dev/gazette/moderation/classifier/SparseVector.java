package dev.gazette.moderation.classifier;

/**
 * A feature vector: bucket indices (in no particular order) and their values. The first {@code regular} entries are
 * ordinary features, the rest stand for rare words ({@link Vocabulary}); a bucket appears at most once in each part.
 */
final class SparseVector {

	final int[] indices;

	final float[] values;

	final int size;

	final int regular;

	SparseVector(int[] indices, float[] values, int size, int regular) {
		this.indices = indices;
		this.values = values;
		this.size = size;
		this.regular = regular;
	}
}
