package dev.gazette.media.internal;

import java.util.Optional;

/**
 * Where the media library keeps its files, by key ({@code 3f2a…/640.jpg}): on this node's disk, or in an
 * S3-compatible bucket that every node shares. Keys are made by the library, never by users.
 */
public interface MediaStorage {

	void put(String key, byte[] bytes, String contentType);

	Optional<byte[]> get(String key);

	/** Removes the file; a missing one is not an error. */
	void delete(String key);
}
