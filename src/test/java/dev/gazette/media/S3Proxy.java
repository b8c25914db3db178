package dev.gazette.media;

import dev.gazette.media.internal.MediaProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> with its in-memory
 * store, started once per test run as a separate Java process from the one-jar build Maven copies to
 * {@code target/s3proxy/s3proxy.jar}, on a free loopback port, and stopped when the tests' JVM exits. It checks AWS
 * signatures (V2 and V4) against one key pair, so a wrong secret is refused as AWS would refuse it.
 */
final class S3Proxy {

	static final String ACCESS_KEY = "gazette-test-key";

	static final String SECRET_KEY = "gazette-test-secret";

	static final String REGION = "us-east-1";

	private static S3Proxy running;

	private final int port;

	private S3Proxy(int port) {
		this.port = port;
	}

	/** The server, started on first use. */
	static synchronized S3Proxy running() {
		if (running == null) {
			running = start();
		}
		return running;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Settings for Gazette's S3 storage pointing at this server and {@code bucket}. */
	MediaProperties.S3 settings(String bucket) {
		return new MediaProperties.S3(endpoint(), REGION, bucket, ACCESS_KEY, SECRET_KEY, true);
	}

	/** A client of the tests' own, to look into buckets behind Gazette's back. */
	S3Client client() {
		return S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(REGION))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.forcePathStyle(true)
			.endpointOverride(URI.create(endpoint()))
			.build();
	}

	/** Creates {@code bucket} (empty) and answers its name. */
	String newBucket(String bucket) {
		try (S3Client s3 = client()) {
			s3.createBucket(request -> request.bucket(bucket));
		}
		return bucket;
	}

	private static S3Proxy start() {
		Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: Maven's generate-test-resources phase copies it there");
		}
		try {
			int port = freePort();
			Path dir = Files.createDirectories(Path.of("target", "s3proxy"));
			Path conf = dir.resolve("s3proxy-" + port + ".conf");
			Files.write(conf, List.of("s3proxy.endpoint=http://127.0.0.1:" + port,
					"s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY,
					"s3proxy.credential=" + SECRET_KEY, "jclouds.provider=transient", "jclouds.identity=" + ACCESS_KEY,
					"jclouds.credential=" + SECRET_KEY));
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
					conf.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("s3proxy-" + port + ".log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "s3proxy-stop"));
			awaitListening(process, port, Duration.ofSeconds(90));
			return new S3Proxy(port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitListening(Process process, int port, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("S3Proxy stopped at start; see target/s3proxy/s3proxy-" + port + ".log");
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep();
			}
		}
		process.destroy();
		throw new IllegalStateException("S3Proxy did not listen within " + limit);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
