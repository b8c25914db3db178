package dev.gazette.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What can be checked of the S3 storage without an S3-compatible server (none can be installed here without network
 * access at run time): it refuses incomplete settings with a clear message, and builds its client with the JDK's HTTP
 * client alone, the Netty and Apache clients being kept off the class path.
 */
class S3StorageTests {

	@Test
	void incompleteSettingsAreRefusedNamingWhatIsNeeded() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3Storage.of(new MediaProperties.S3("http://127.0.0.1:9000", "us-east-1", null, "key",
					"secret", true)))
			.withMessageContaining("gazette.media.s3.bucket, access-key and secret-key");
	}

	@Test
	void theClientUsesOnlyTheJdksHttpClient() {
		S3Storage storage = S3Storage.of(new MediaProperties.S3("http://127.0.0.1:9", "eu-central-1", "gazette-media",
				"key", "secret", true));

		assertThat(storage).isNotNull();
		assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"))
			.isInstanceOf(ClassNotFoundException.class);
		assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient"))
			.isInstanceOf(ClassNotFoundException.class);
	}
}
