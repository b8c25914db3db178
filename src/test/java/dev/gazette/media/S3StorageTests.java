package dev.gazette.media;

import java.nio.charset.StandardCharsets;

import dev.gazette.media.internal.MediaProperties;
import dev.gazette.media.internal.S3Storage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 storage against a real S3-compatible server ({@link S3Proxy}): files written are read back byte for byte
 * with their content type, a missing file is empty rather than an error, a deleted one is gone; requests are signed,
 * so a wrong secret is refused; and all of it runs on the JDK's HTTP client, the Netty and Apache clients being kept
 * off the class path.
 */
class S3StorageTests {

	private final S3Proxy server = S3Proxy.running();

	@Test
	void incompleteSettingsAreRefusedNamingWhatIsNeeded() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Storage.of(new MediaProperties.S3("http://127.0.0.1:9000", "us-east-1", null, "key",
					"secret", true)))
			.withMessageContaining("gazette.media.storage=s3 needs gazette.media.s3.bucket, access-key and secret-key");
	}

	@Test
	void aFileWrittenIsReadBackWithItsTypeAndIsGoneOnceDeleted() {
		S3Storage storage = S3Storage.of(server.settings(server.newBucket("gazette-roundtrip")));
		byte[] bytes = "not really a jpeg, but bytes all the same: ğ ə א 📷".getBytes(StandardCharsets.UTF_8);

		storage.put("3f2a9c/640.jpg", bytes, "image/jpeg");

		assertThat(storage.get("3f2a9c/640.jpg")).hasValue(bytes);
		try (S3Client s3 = server.client()) {
			HeadObjectResponse head = s3.headObject(request -> request.bucket("gazette-roundtrip").key("3f2a9c/640.jpg"));
			assertThat(head.contentType()).isEqualTo("image/jpeg");
			assertThat(head.contentLength()).isEqualTo(bytes.length);
		}
		storage.delete("3f2a9c/640.jpg");
		assertThat(storage.get("3f2a9c/640.jpg")).isEmpty();
	}

	@Test
	void aMissingFileIsEmptyAndDeletingItIsNoError() {
		S3Storage storage = S3Storage.of(server.settings(server.newBucket("gazette-missing")));

		assertThat(storage.get("never/written.jpg")).isEmpty();
		storage.delete("never/written.jpg");
		assertThat(storage.get("never/written.jpg")).isEmpty();
	}

	@Test
	void aWrongSecretIsRefusedByTheServer() {
		String bucket = server.newBucket("gazette-signed");
		S3Storage storage = S3Storage.of(new MediaProperties.S3(server.endpoint(), S3Proxy.REGION, bucket,
				S3Proxy.ACCESS_KEY, "not-the-secret", true));

		assertThatThrownBy(() -> storage.put("a/320.jpg", new byte[] { 1, 2, 3 }, "image/jpeg"))
			.isInstanceOf(S3Exception.class)
			.satisfies(ex -> assertThat(((S3Exception) ex).statusCode()).isEqualTo(403));
		assertThat(S3Storage.of(server.settings(bucket)).get("a/320.jpg")).isEmpty();
	}

	@Test
	void theRoundTripNeedsOnlyTheJdksHttpClient() {
		S3Storage storage = S3Storage.of(server.settings(server.newBucket("gazette-jdk-client")));
		storage.put("b/320.jpg", new byte[] { 7 }, "image/jpeg");

		assertThat(storage.get("b/320.jpg")).hasValue(new byte[] { 7 });
		assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"))
			.isInstanceOf(ClassNotFoundException.class);
		assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient"))
			.isInstanceOf(ClassNotFoundException.class);
	}
}
