package dev.gazette.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.media.MediaDesk.Person;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library with {@code gazette.media.storage=s3}, as several nodes run it: an editor's upload puts every
 * rendition in the bucket (and none on the node's disk), Gazette serves them from there, and deleting the image
 * empties the bucket of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.demo-content=false", "gazette.data-dir=target/media-on-s3-tests",
				"gazette.media.storage=s3", "gazette.media.s3.bucket=gazette-media-on-s3",
				"gazette.accounts.sign-in-per-address=100000", "gazette.accounts.sign-up-per-address=100000" })
class MediaOnS3Tests {

	private static final String BUCKET = "gazette-media-on-s3";

	@DynamicPropertySource
	static void bucket(DynamicPropertyRegistry registry) {
		S3Proxy server = S3Proxy.running();
		server.newBucket(BUCKET);
		registry.add("gazette.media.s3.endpoint", server::endpoint);
		registry.add("gazette.media.s3.region", () -> S3Proxy.REGION);
		registry.add("gazette.media.s3.access-key", () -> S3Proxy.ACCESS_KEY);
		registry.add("gazette.media.s3.secret-key", () -> S3Proxy.SECRET_KEY);
		registry.add("gazette.media.s3.path-style", () -> "true");
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void anUploadLivesInTheBucketIsServedFromItAndLeavesWithTheImage() throws Exception {
		MediaDesk desk = new MediaDesk(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)), jdbc);
		Person editor = desk.join("Bucket Desk Editor", Role.EDITOR);

		JsonNode item = desk.uploaded(editor, "ferry.jpg", TestImages.jpeg(1300, 800), "alt", "The ferry at the pier",
				"caption", "Morning crossing.", "credit", "Photo: Oğuz Türk");
		long id = item.get("id").asLong();

		List<String> keys = objectKeys();
		assertThat(keys).as("the master and each rendition").hasSize(item.get("renditions").size() + 1);
		assertThat(Path.of("target/media-on-s3-tests/media")).as("nothing on the node's disk").doesNotExist();
		for (JsonNode rendition : item.get("renditions")) {
			HttpResponse<byte[]> served = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + rendition.get("url").asString()))
					.build(), BodyHandlers.ofByteArray());
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(TestImages.decode(served.body()).getWidth()).isEqualTo(rendition.get("width").asInt());
		}

		assertThat(desk.call(editor, "DELETE", MediaDesk.API + "/" + id, null).statusCode()).isEqualTo(204);
		assertThat(objectKeys()).isEmpty();
	}

	private static List<String> objectKeys() {
		try (S3Client s3 = S3Proxy.running().client()) {
			return s3.listObjectsV2(request -> request.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
		}
	}
}
