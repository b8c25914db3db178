package dev.gazette.moderation.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model trained on the shipped data ({@link Trainer#shippedData()}, {@link TrainingOptions#defaults()}), trained
 * when Gazette is built rather than when it first starts: {@code mvn process-classes} runs {@link #main} (the
 * exec-maven-plugin in {@code pom.xml}), which writes {@value #RESOURCE} into the classes folder, so the jar ships it.
 * <p>
 * Beside it, {@value #HASH_RESOURCE} holds a SHA-256 of everything the model depends on: the shipped data files (with
 * every topic file) and the
 * compiled classes of this package (features, training). A build whose hash matches skips the training (tens of
 * seconds on the full data). Training is deterministic, so the same inputs give the same model, bit for bit.
 */
public final class PretrainedModel {

	/** Where the model lies on the classpath. */
	public static final String RESOURCE = "moderation/shipped-model.bin";

	static final String HASH_RESOURCE = "moderation/shipped-model.sha256";

	private static final List<String> DATA = List.of(LabelledData.SHIPPED_TRAINING, IdentityBias.TERMS,
			IdentityBias.CIVIL, IdentityBias.ATTACKS);

	private PretrainedModel() {
	}

	/** Trains the shipped model into {@code args[0]} (the classes folder) unless the one there is up to date. */
	public static void main(String[] args) throws IOException {
		Path classes = Path.of(args.length > 0 ? args[0] : "target/classes");
		Path model = classes.resolve(RESOURCE);
		Path hashFile = classes.resolve(HASH_RESOURCE);
		String hash = inputsHash(classes);
		if (Files.exists(model) && Files.exists(hashFile)
				&& Files.readString(hashFile, StandardCharsets.UTF_8).trim().equals(hash)) {
			System.out.println("Shipped moderation model is up to date (" + model + ")");
			return;
		}
		long start = System.nanoTime();
		List<LabelledComment> examples = Trainer.shippedData();
		byte[] encoded = ModelCodec.encode(Trainer.train(examples, TrainingOptions.defaults()));
		Files.createDirectories(model.getParent());
		Files.write(model, encoded);
		Files.writeString(hashFile, hash + "\n", StandardCharsets.UTF_8);
		System.out.printf("Trained the shipped moderation model on %d examples in %.1f s: %s (%d KB)%n",
				examples.size(), (System.nanoTime() - start) / 1e9, model, encoded.length / 1024);
	}

	/** SHA-256 over the shipped data files and this package's compiled classes, in a fixed order. */
	static String inputsHash(Path classes) throws IOException {
		MessageDigest digest = sha256();
		List<String> data = new ArrayList<>(DATA);
		data.add(ShippedData.TOPIC_INDEX);
		ShippedData.topics().forEach(topic -> data.add(ShippedData.topicFile(topic)));
		for (String file : data) {
			digest.update(file.getBytes(StandardCharsets.UTF_8));
			digest.update(Files.readAllBytes(classes.resolve(file)));
		}
		Path code = classes.resolve(PretrainedModel.class.getPackageName().replace('.', '/'));
		try (Stream<Path> files = Files.list(code)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
				digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(file));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
