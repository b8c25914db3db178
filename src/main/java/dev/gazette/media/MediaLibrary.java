package dev.gazette.media;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;
import dev.gazette.media.internal.MediaRepository.Stored;
import dev.gazette.media.internal.ImageProcessor;
import dev.gazette.media.internal.MediaRepository;
import dev.gazette.media.internal.MediaStorage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The media library, the one door other features use: find and list images, the pictures pages show, whether an image
 * is fit to publish, and (for the newsroom's pages and API) upload, describe and delete.
 * <p>
 * Contributors, authors, editors and admins upload and browse; whoever uploaded an image, or an editor, edits its alt
 * text, caption and credit; editors delete an image no article uses. Items are kept in memory per node, dropped when
 * they change here and after {@link #CACHED_FOR} at most when they change on another node.
 * <p>
 * Its length is the one door: finding, uploading, describing and deleting share the per-node cache and the after-commit
 * clean-up of stored files, and keeping them together keeps that cache right.
 */
@Service
public class MediaLibrary {

	static final Duration CACHED_FOR = Duration.ofMinutes(1);

	static final int ALT_MAX = 1_000;

	static final int CAPTION_MAX = 2_000;

	static final int CREDIT_MAX = 500;

	private final MediaRepository repository;

	private final MediaStorage storage;

	private final ImageProcessor processor;

	private final Clock clock;

	private final Cache<Long, Stored> items = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED_FOR).build();

	private final ApplicationEventPublisher events;

	MediaLibrary(MediaRepository repository, MediaStorage storage, ImageProcessor processor, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.storage = storage;
		this.processor = processor;
		this.clock = clock;
	}

	/** An upload: the file's name (only shown, never trusted), its bytes and the optional metadata. */
	public record Upload(String fileName, byte[] bytes, String alt, String caption, String credit) {
	}

	/** A file of a rendition, for serving. */
	public record RenditionFile(byte[] bytes, String contentType, String etag) {
	}

	public Optional<MediaItem> find(long id) {
		return stored(id).map(Stored::item);
	}

	/** A page (from 1) of images, newest first; {@code query} (blank for all) matches alt text, caption, credit or file name. */
	@Transactional(readOnly = true)
	public List<MediaItem> recent(String query, int page, int size) {
		int clamped = Math.max(1, Math.min(100, size));
		return repository.recent(query, clamped, (long) (Math.max(1, page) - 1) * clamped);
	}

	/** How many images {@link #recent} finds in all. */
	@Transactional(readOnly = true)
	public long count(String query) {
		return repository.count(query);
	}

	/** What pages need to show these images, by id; unknown ids are left out. */
	public Map<Long, Picture> pictures(Collection<Long> ids) {
		Map<Long, Picture> pictures = new LinkedHashMap<>();
		Set<Long> missing = new HashSet<>();
		for (Long id : ids) {
			if (id == null) {
				continue;
			}
			Stored cached = items.getIfPresent(id);
			if (cached != null) {
				pictures.put(id, Picture.of(cached.item()));
			}
			else {
				missing.add(id);
			}
		}
		for (Stored loaded : repository.find(missing)) {
			items.put(loaded.item().id(), loaded);
			pictures.put(loaded.item().id(), Picture.of(loaded.item()));
		}
		return pictures;
	}

	/**
	 * Why an article with this lead image may not be published yet: the image is not in the library, or it lacks alt
	 * text, a caption or a credit (the message names what). Empty when the image is complete.
	 */
	public Optional<String> missingForPublication(long id) {
		Optional<MediaItem> item = find(id);
		if (item.isEmpty()) {
			return Optional.of("The lead image (" + id + ") is not in the media library.");
		}
		List<String> missing = item.get().missingMetadata();
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("The lead image needs " + join(missing) + " before readers see it: add "
				+ (missing.size() == 1 ? "it" : "them") + " in the media library (image " + id + ").");
	}

	/**
	 * Stores an upload: checked, re-encoded and cut into renditions before anything is written.
	 * @throws MediaException when refused; nothing is stored then
	 */
	public MediaItem upload(Upload upload, AccountPrincipal who) {
		if (!mayUpload(who)) {
			throw MediaException.forbidden("Your account may not upload images: contributors, authors and editors may.");
		}
		return store(upload, who.id());
	}

	/**
	 * Stores an image brought in by an import (the {@code transfer} module, run by whoever runs the server): the same
	 * checks, re-encoding and renditions as {@link #upload}, with no uploading account.
	 * @throws MediaException when the bytes are not an image this library takes; nothing is stored then
	 */
	public MediaItem importUpload(Upload upload) {
		return store(upload, null);
	}

	private MediaItem store(Upload upload, Long uploadedBy) {
		String alt = text("alt", upload.alt(), ALT_MAX);
		String caption = text("caption", upload.caption(), CAPTION_MAX);
		String credit = text("credit", upload.credit(), CREDIT_MAX);
		ImageProcessor.Processed image = processor.process(upload.bytes());
		String key = UUID.randomUUID().toString().replace("-", "");
		List<String> written = new ArrayList<>();
		try {
			put(key + "/master." + image.extension(), image.master(), image.contentType(), written);
			for (Map.Entry<Integer, byte[]> rendition : image.renditions().entrySet()) {
				put(key + "/" + rendition.getKey() + "." + image.extension(), rendition.getValue(), image.contentType(),
						written);
			}
			long id = repository.insert(key, fileName(upload.fileName()), image, upload.bytes().length, alt, caption,
					credit, uploadedBy, clock.instant());
			return find(id).orElseThrow();
		}
		catch (RuntimeException ex) {
			written.forEach(storage::delete);
			throw ex;
		}
	}

	/**
	 * Sets an image's alt text, caption and credit (blank clears one).
	 * @throws MediaException when not allowed, unknown, or a text is too long
	 */
	@Transactional
	public MediaItem describe(long id, String alt, String caption, String credit, AccountPrincipal who) {
		MediaItem item = find(id).orElseThrow(() -> MediaException.notFound(id));
		if (!mayDescribe(who, item)) {
			throw MediaException.forbidden("Only whoever uploaded this image, or an editor, may change what it says.");
		}
		repository.describe(id, text("alt", alt, ALT_MAX), text("caption", caption, CAPTION_MAX),
				text("credit", credit, CREDIT_MAX), clock.instant());
		forget(id);
		events.publishEvent(new MediaDescribed(id));
		return repository.find(id).map(Stored::item).orElseThrow(() -> MediaException.notFound(id));
	}

	/**
	 * Deletes an image and its files (editors), unless an article uses it.
	 * @throws MediaException when not allowed, unknown, or in use
	 */
	@Transactional
	public void delete(long id, AccountPrincipal who) {
		if (!who.has(Role.EDITOR)) {
			throw MediaException.forbidden("Only editors may delete images from the library.");
		}
		Stored stored = repository.find(id).orElseThrow(() -> MediaException.notFound(id));
		try {
			repository.delete(id);
		}
		catch (DataIntegrityViolationException inUse) {
			throw MediaException.conflict("This image is the lead image of an article, so it cannot be deleted: give "
					+ "that article another image first.");
		}
		forget(id);
		List<String> keys = new ArrayList<>();
		keys.add(stored.storageKey() + "/master." + stored.item().extension());
		stored.item().widths().forEach(width -> keys.add(stored.storageKey() + "/" + width + "." + stored.item().extension()));
		afterCommit(() -> keys.forEach(storage::delete));
	}

	/** Whether {@code who} may upload and browse the library. */
	public boolean mayUpload(AccountPrincipal who) {
		return who != null && (who.has(Role.CONTRIBUTOR) || who.has(Role.AUTHOR) || who.has(Role.EDITOR));
	}

	/** Whether {@code who} may change this image's alt text, caption and credit. */
	public boolean mayDescribe(AccountPrincipal who, MediaItem item) {
		return who != null && (who.has(Role.EDITOR) || (item.uploadedBy() != null && item.uploadedBy() == who.id()));
	}

	/** The bytes of one rendition, when the image has that width and that file type. */
	public Optional<RenditionFile> rendition(long id, int width, String extension) {
		Optional<Stored> stored = stored(id);
		if (stored.isEmpty() || !stored.get().item().widths().contains(width)
				|| !stored.get().item().extension().equals(extension)) {
			return Optional.empty();
		}
		String key = stored.get().storageKey();
		return storage.get(key + "/" + width + "." + extension)
			.map(bytes -> new RenditionFile(bytes, stored.get().item().contentType(), "\"" + key + "-" + width + "\""));
	}

	/** The ETag a rendition has, without reading it (for a conditional request). */
	public Optional<String> etag(long id, int width) {
		return stored(id).filter(s -> s.item().widths().contains(width)).map(s -> "\"" + s.storageKey() + "-" + width + "\"");
	}

	private Optional<Stored> stored(long id) {
		Stored cached = items.getIfPresent(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Stored> loaded = repository.find(id);
		loaded.ifPresent(found -> items.put(id, found));
		return loaded;
	}

	private void forget(long id) {
		items.invalidate(id);
		afterCommit(() -> items.invalidate(id));
	}

	private void put(String key, byte[] bytes, String contentType, List<String> written) {
		written.add(key);
		storage.put(key, bytes, contentType);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.codePointCount(0, stripped.length()) > max) {
			throw MediaException.badInput(field, label(field) + " is at most " + String.format("%,d", max) + " characters.");
		}
		return stripped;
	}

	static String label(String field) {
		return switch (field) {
			case "alt" -> "The alt text";
			case "caption" -> "The caption";
			case "credit" -> "The credit";
			default -> field;
		};
	}

	private static String fileName(String name) {
		if (name == null) {
			return "image";
		}
		String last = name.replace('\\', '/');
		last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (last.isEmpty()) {
			return "image";
		}
		return last.length() > 255 ? last.substring(0, 255) : last;
	}

	private static String join(List<String> words) {
		if (words.size() == 1) {
			return words.get(0);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
	}
}
