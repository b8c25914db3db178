package dev.gazette.media.internal;

import dev.gazette.publication.GazetteProperties;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Where the files go ({@code gazette.media.storage}), and the upload limit Spring's multipart parsing enforces. */
@Configuration(proxyBeanMethods = false)
public class MediaConfiguration {

	@Bean
	public MediaStorage mediaStorage(MediaProperties properties, GazetteProperties gazette) {
		return switch (properties.storage()) {
			case "local" -> new LocalDiskStorage(gazette.dataDir().resolve("media"));
			case "s3" -> S3Storage.of(properties.s3());
			default -> throw new IllegalArgumentException(
					"gazette.media.storage is 'local' or 's3', not '" + properties.storage() + "'");
		};
	}

	/**
	 * Every multipart upload in Gazette (images here, avatars and training files elsewhere, each with its own smaller
	 * limit) may be up to {@code gazette.media.max-upload-size}; the request a little more, for the form's other fields.
	 * A larger file is refused while it arrives, with 413.
	 */
	@Bean
	public MultipartConfigElement multipartConfigElement(MediaProperties properties) {
		long file = properties.maxUploadSize().toBytes();
		long request = file + DataSize.ofMegabytes(1).toBytes();
		return new MultipartConfigElement("", file, request, 0);
	}
}
