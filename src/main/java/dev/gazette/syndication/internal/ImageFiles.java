package dev.gazette.syndication.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * What feeds say about an image: its media type, from its name, and its size in bytes when Gazette serves the file
 * itself (from {@code static/}); an image elsewhere has no known size.
 */
@Component
public class ImageFiles {

	private final ResourceLoader resources;

	private final Cache<String, OptionalLong> lengths = Caffeine.newBuilder().maximumSize(10_000).build();

	public ImageFiles(ResourceLoader resources) {
		this.resources = resources;
	}

	public Optional<String> type(String url) {
		String path = url.replaceFirst("[?#].*$", "");
		return MediaTypeFactory.getMediaType(path).filter(type -> type.getType().equals("image")).map(MediaType::toString);
	}

	public OptionalLong length(String url) {
		if (!url.startsWith("/") || url.startsWith("//") || url.contains("..")) {
			return OptionalLong.empty();
		}
		return lengths.get(url, this::lengthOfStatic);
	}

	private OptionalLong lengthOfStatic(String path) {
		Resource file = resources.getResource("classpath:static" + path.replaceFirst("[?#].*$", ""));
		try {
			return file.exists() ? OptionalLong.of(file.contentLength()) : OptionalLong.empty();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}
}
