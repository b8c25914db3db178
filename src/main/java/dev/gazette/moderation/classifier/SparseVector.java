package dev.gazette.moderation.classifier;

/** A feature vector: distinct bucket indices (in no particular order) and their values. */
final class SparseVector {

	final int[] indices;

	final float[] values;

	final int size;

	SparseVector(int[] indices, float[] values, int size) {
		this.indices = indices;
		this.values = values;
		this.size = size;
	}
}
