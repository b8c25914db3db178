/*
 * How fast the embedded H2 file grows with comments (issue 13, item 3): posts N guest comments through the JSON API
 * of a running Gazette, from several threads, and prints the database file's size per comment as it goes.
 * A benchmark, not a test. Run by bench/h2-growth.sh, which starts Gazette on a fresh data directory; by hand:
 *   java bench/H2Growth.java http://127.0.0.1:18090 our-streets-are-too-hot 10000 8 /tmp/data/gazette.mv.db
 * Prints one line per tenth of N ("posted <n> file <bytes> per-comment <bytes>") and a last line
 * "posted <n> non-201 <m> seconds <s> {status=count}" (-1: no answer). Exits 1 when any post was not answered 201.
 * A thread stops after 20 posts in a row got no answer (the server was stopped).
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

public class H2Growth {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String slug = args[1];
		int total = Integer.parseInt(args[2]);
		int threads = Integer.parseInt(args[3]);
		Path file = Path.of(args[4]);
		long before = Files.size(file);
		URI uri = URI.create(base + "/api/v1/articles/" + slug + "/comments");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Map<Integer, AtomicInteger> unexpected = new ConcurrentHashMap<>();
		int step = Math.max(1, total / 10);
		long started = System.nanoTime();
		System.out.printf("posted 0 file %d%n", before);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				int n;
				int lost = 0; // answers missing in a row: the server is gone (bench/shutdown-under-load.sh stops it)
				while ((n = next.incrementAndGet()) <= total && lost < 20) {
					String body = """
							{"authorName":"Growth reader %d","body":"Shade is the cheapest air conditioning a city can buy. \
							Growth comment %d, with a little more text so that it is about as long as a usual comment.",\
							"parentId":null}""".formatted(n % 97, n);
					HttpRequest request = HttpRequest.newBuilder(uri)
						.timeout(Duration.ofSeconds(60))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					int status;
					try {
						status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (Exception ex) {
						status = -1;
					}
					lost = status == -1 ? lost + 1 : 0;
					if (status != 201) {
						unexpected.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
					}
					int posted = done.incrementAndGet();
					if (posted % step == 0) {
						long size = sizeOf(file);
						System.out.printf("posted %d file %d per-comment %d%n", posted, size, (size - before) / posted);
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		int bad = unexpected.values().stream().mapToInt(AtomicInteger::get).sum();
		System.out.printf("posted %d non-201 %d seconds %.1f %s%n", done.get(), bad,
				(System.nanoTime() - started) / 1e9, unexpected.isEmpty() ? "" : unexpected.toString());
		System.exit(bad == 0 ? 0 : 1);
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (Exception ex) {
			return -1;
		}
	}
}
