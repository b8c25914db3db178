package dev.gazette.moderation.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A model as bytes, for the {@code moderation_model} table, and back.
 * <p>
 * Layout: the magic {@code GZCM}, a format version (one byte), then, gzipped: the feature settings (hash bits, word
 * n-gram length, character n-gram range, character weight, rare-word threshold, and from format 2 on the lexicon
 * version), the number of rows it was trained on, the number of
 * labels, and per label its bias and its non-zero weights as a count and (bucket, weight) pairs, buckets ascending and
 * stored as the gap from the previous one in a variable-length integer, weights as 32-bit floats. Decoding gives a
 * model that scores exactly as the encoded one.
 */
public final class ModelCodec {

	private static final byte[] MAGIC = { 'G', 'Z', 'C', 'M' };

	/** Format 2 added the lexicon version to the feature settings; format 1 models (lexicon 0) are still read. */
	private static final int FORMAT_VERSION = 2;

	private ModelCodec() {
	}

	public static byte[] encode(Model model) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			bytes.write(MAGIC);
			bytes.write(FORMAT_VERSION);
			try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
				FeatureSettings features = model.features();
				out.writeByte(features.hashBits());
				out.writeByte(features.maxWordNgram());
				out.writeByte(features.minCharNgram());
				out.writeByte(features.maxCharNgram());
				out.writeFloat(features.charWeight());
				out.writeShort(features.minWordDocuments());
				out.writeByte(features.lexicon());
				writeVocabulary(out, model.vocabulary());
				out.writeInt(model.trainedRows());
				out.writeByte(Label.count());
				for (int label = 0; label < Label.count(); label++) {
					writeLabel(out, model, label);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void writeLabel(DataOutputStream out, Model model, int label) throws IOException {
		out.writeFloat(model.bias(label));
		int count = 0;
		for (int row = 0; row < model.rows(); row++) {
			count += (model.weight(row, label) != 0) ? 1 : 0;
		}
		out.writeInt(count);
		int previous = 0;
		for (int row = 0; row < model.rows(); row++) {
			float weight = model.weight(row, label);
			if (weight != 0) {
				writeVarInt(out, model.bucket(row) - previous);
				out.writeFloat(weight);
				previous = model.bucket(row);
			}
		}
	}

	/** The model in these bytes; an {@link IllegalArgumentException} if they are not one this version can read. */
	public static Model decode(byte[] bytes) {
		if (bytes.length < MAGIC.length + 1 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
			throw new IllegalArgumentException("Not a Gazette classifier model (no GZCM header)");
		}
		int version = bytes[MAGIC.length];
		if (version < 1 || version > FORMAT_VERSION) {
			throw new IllegalArgumentException("Model format version " + version + "; this build reads version "
					+ FORMAT_VERSION + ". Retrain the model.");
		}
		ByteArrayInputStream raw = new ByteArrayInputStream(bytes, MAGIC.length + 1, bytes.length - MAGIC.length - 1);
		try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
			FeatureSettings features = new FeatureSettings(in.readUnsignedByte(), in.readUnsignedByte(),
					in.readUnsignedByte(), in.readUnsignedByte(), in.readFloat(), in.readUnsignedShort(),
					(version >= 2) ? in.readUnsignedByte() : 0);
			Vocabulary vocabulary = readVocabulary(in, features);
			int trainedRows = in.readInt();
			int labels = in.readUnsignedByte();
			if (labels != Label.count()) {
				throw new IllegalArgumentException("The model has " + labels + " labels; this build knows "
						+ Label.count());
			}
			float[] biases = new float[labels];
			int[][] buckets = new int[labels][];
			float[][] weights = new float[labels][];
			for (int label = 0; label < labels; label++) {
				biases[label] = in.readFloat();
				int count = in.readInt();
				if (count < 0 || count > features.dimensions()) {
					throw new IllegalArgumentException("Corrupt model: " + count + " weights for a label");
				}
				buckets[label] = new int[count];
				weights[label] = new float[count];
				int bucket = 0;
				for (int k = 0; k < count; k++) {
					bucket += readVarInt(in);
					if (bucket < 0 || bucket >= features.dimensions()) {
						throw new IllegalArgumentException("Corrupt model: bucket " + bucket);
					}
					buckets[label][k] = bucket;
					weights[label][k] = in.readFloat();
				}
			}
			return Model.fromSparse(features, vocabulary, biases, buckets, weights, trainedRows);
		}
		catch (EOFException ex) {
			throw new IllegalArgumentException("Corrupt model: it ends too early", ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Corrupt model: " + ex.getMessage(), ex);
		}
	}

	/** The known words' hashes, ascending, as gaps (unsigned). */
	private static void writeVocabulary(DataOutputStream out, Vocabulary vocabulary) throws IOException {
		int[] words = vocabulary.words();
		out.writeInt(words.length);
		long previous = Integer.MIN_VALUE;
		for (int word : words) {
			writeVarInt(out, (int) (word - previous));
			previous = word;
		}
	}

	private static Vocabulary readVocabulary(DataInputStream in, FeatureSettings features) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > 1 << 26) {
			throw new IllegalArgumentException("Corrupt model: a vocabulary of " + count + " words");
		}
		int[] words = new int[count];
		long previous = Integer.MIN_VALUE;
		for (int k = 0; k < count; k++) {
			previous += Integer.toUnsignedLong(readVarInt(in));
			words[k] = (int) previous;
		}
		return (features.minWordDocuments() == 0) ? Vocabulary.NONE : Vocabulary.of(words);
	}

	private static void writeVarInt(DataOutputStream out, int value) throws IOException {
		while ((value & ~0x7f) != 0) {
			out.writeByte((value & 0x7f) | 0x80);
			value >>>= 7;
		}
		out.writeByte(value);
	}

	private static int readVarInt(DataInputStream in) throws IOException {
		int value = 0;
		for (int shift = 0; shift < 35; shift += 7) {
			int b = in.readUnsignedByte();
			value |= (b & 0x7f) << shift;
			if ((b & 0x80) == 0) {
				return value;
			}
		}
		throw new IOException("a variable-length integer is too long");
	}
}
