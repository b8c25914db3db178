package dev.gazette.media.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Media library settings under {@code gazette.media.*}.
 *
 * @param maxUploadSize the largest file accepted (also Spring's multipart limit)
 * @param maxPixels the most pixels (width × height, read from the file's header) an upload may have
 * @param widths the rendition widths; an image narrower than the widest gets those below its width and its own
 * @param storage {@code local} (files under {@code gazette.data-dir}/media) or {@code s3}
 * @param s3 the bucket, when {@code storage=s3}
 */
@ConfigurationProperties("gazette.media")
public record MediaProperties(@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("60000000") long maxPixels,
		@DefaultValue({ "320", "640", "1024", "1600" }) List<Integer> widths, @DefaultValue("local") String storage,
		@DefaultValue S3 s3) {

	public MediaProperties {
		widths = widths.stream().sorted().distinct().toList();
		if (widths.isEmpty() || widths.get(0) < 16) {
			throw new IllegalArgumentException("gazette.media.widths needs at least one width of 16 pixels or more");
		}
		if (maxPixels < 1 || maxUploadSize.toBytes() < 1) {
			throw new IllegalArgumentException("gazette.media.max-pixels and max-upload-size must be positive");
		}
	}

	/**
	 * An S3-compatible bucket.
	 *
	 * @param endpoint the service address, e.g. {@code https://s3.eu-central-1.amazonaws.com} or a MinIO server;
	 * empty for AWS's default for the region
	 * @param region the signing region
	 * @param bucket the bucket's name
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @param pathStyle address the bucket as {@code endpoint/bucket} (MinIO, most self-hosted servers) rather than
	 * {@code bucket.endpoint}
	 */
	public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle) {
	}
}
