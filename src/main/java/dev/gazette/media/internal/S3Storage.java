package dev.gazette.media.internal;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, …), shared by every node: {@code gazette.media.s3.*}.
 * Uses the JDK's HTTP client (no Netty or Apache client), and the configured keys only. Checksums are sent and checked
 * only where S3 requires them: since 2.30 the SDK adds CRC32 trailers to every upload by default, which S3-compatible
 * servers other than AWS's own often refuse (S3Proxy answers 501, as older MinIO and Ceph releases do); the bytes are
 * still signed (SigV4) and sent over the endpoint's TLS.
 */
public class S3Storage implements MediaStorage {

	private final S3Client s3;

	private final String bucket;

	public S3Storage(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	public static S3Storage of(MediaProperties.S3 settings) {
		if (blank(settings.bucket()) || blank(settings.accessKey()) || blank(settings.secretKey())) {
			throw new IllegalArgumentException(
					"gazette.media.storage=s3 needs gazette.media.s3.bucket, access-key and secret-key");
		}
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(settings.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.forcePathStyle(settings.pathStyle());
		if (!blank(settings.endpoint())) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		return new S3Storage(builder.build(), settings.bucket());
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
	}

	@Override
	public Optional<byte[]> get(String key) {
		try {
			return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) {
		s3.deleteObject(request -> request.bucket(bucket).key(key));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
