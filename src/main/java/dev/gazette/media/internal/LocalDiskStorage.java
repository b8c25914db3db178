package dev.gazette.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files under a directory ({@code gazette.data-dir}/media by default). A file is written to a temporary name and moved
 * into place, so a reader never sees half a file.
 */
public class LocalDiskStorage implements MediaStorage {

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9]+(\\.[a-z]+)?)*");

	private final Path root;

	public LocalDiskStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		Path file = file(key);
		try {
			Files.createDirectories(file.getParent());
			Path partial = Files.createTempFile(file.getParent(), ".upload", ".part");
			Files.write(partial, bytes);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<byte[]> get(String key) {
		try {
			return Optional.of(Files.readAllBytes(file(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String key) {
		Path file = file(key);
		try {
			Files.deleteIfExists(file);
			Path folder = file.getParent();
			try (var left = Files.list(folder)) {
				if (left.findAny().isEmpty()) {
					Files.deleteIfExists(folder);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path file(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a media storage key: " + key);
		}
		return root.resolve(key);
	}
}
