/*
 * How the embedded search engine holds up at scale (issue 16, item 7): generates N articles and M comments straight
 * into a fresh index through Gazette's own engine (dev.gazette.search.internal.LuceneSearchEngine: the same
 * analysis, fields and queries as the running application, without the database), then times queries from C
 * concurrent clients. A benchmark, not a test. Run by bench/search-scale.sh, which builds the class path; by hand:
 *   java -Xmx1g -cp target/classes:<dependencies> bench/SearchScale.java /tmp/index 100000 1000000 16 20
 * (articles, comments, clients, seconds of querying per kind). Prints "key value" lines: indexing time, index size,
 * heap, and for each query kind its count, p50 and p99 in milliseconds, and its CPU time per query (cpu_ms).
 * What it leaves out: the database round trip a reader's search makes after the engine (one indexed query for the
 * page's ids, see ReaderSearch), and HTTP and page rendering.
 */

import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.SearchableArticle;
import dev.gazette.article.Section;
import dev.gazette.article.Tag;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.SearchableComment;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.search.ArticleQuery;
import dev.gazette.search.CommentQuery;
import dev.gazette.search.SearchEngine;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

public class SearchScale {

	/** A vocabulary with a long tail: word i is drawn with weight about 1/(i+1) (Zipf), like real prose. */
	static final String[] WORDS;

	static final double[] CUMULATIVE;

	static final String[] COMMON = { "harbour", "council", "river", "ferry", "school", "market", "election", "storm",
			"bridge", "hospital", "festival", "budget", "museum", "railway", "fishermen", "teachers", "mayor", "drought",
			"Əliyev", "İstanbul", "Müller", "ירושלים", "القدس" };

	static {
		Random random = new Random(16);
		WORDS = new String[50_000];
		for (int i = 0; i < WORDS.length; i++) {
			if (i < COMMON.length) {
				WORDS[i] = COMMON[i];
				continue;
			}
			StringBuilder word = new StringBuilder();
			int length = 3 + random.nextInt(8);
			for (int j = 0; j < length; j++) {
				word.append((char) ('a' + random.nextInt(26)));
			}
			WORDS[i] = word.toString();
		}
		CUMULATIVE = new double[WORDS.length];
		double sum = 0;
		for (int i = 0; i < WORDS.length; i++) {
			sum += 1.0 / (i + 10);
			CUMULATIVE[i] = sum;
		}
		for (int i = 0; i < WORDS.length; i++) {
			CUMULATIVE[i] /= sum;
		}
	}

	static String word(Random random) {
		int i = Arrays.binarySearch(CUMULATIVE, random.nextDouble());
		return WORDS[i < 0 ? Math.min(WORDS.length - 1, -i - 1) : i];
	}

	static String text(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append(word(random)).append(i % 15 == 14 ? ". " : " ");
		}
		return text.toString();
	}

	static final Instant START = Instant.parse("2016-01-01T00:00:00Z");

	static final long SPAN = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - START.toEpochMilli();

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int articles = Integer.parseInt(args[1]);
		int comments = Integer.parseInt(args[2]);
		int clients = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		Class<?> type = Class.forName("dev.gazette.search.internal.LuceneSearchEngine");
		Constructor<?> constructor = type.getDeclaredConstructor(GazetteProperties.class);
		constructor.setAccessible(true);
		SearchEngine engine = (SearchEngine) constructor
			.newInstance(new GazetteProperties(dir, false, "http://localhost", null));
		if (engine.appliedThrough() < 0 || Boolean.getBoolean("reindex")) {
			index(engine, articles, comments);
		}
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT, "heap_after_indexing_mb %d%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
		System.out.printf(Locale.ROOT, "heap_max_mb %d%n", runtime.maxMemory() >> 20);
		System.out.printf(Locale.ROOT, "index_size_mb %d%n", size(dir) >> 20);

		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		measure("one_word", clients, seconds, r -> engine.search(articleQuery(word(r), null, null, null), now).total());
		measure("phrase", clients, seconds,
				r -> engine.search(articleQuery("\"" + word(r) + " " + word(r) + "\"", null, null, null), now).total());
		measure("filtered", clients, seconds, r -> {
			int year = 2016 + r.nextInt(10);
			return engine.search(articleQuery(word(r), "section-" + r.nextInt(12), LocalDate.of(year, 1, 1),
					LocalDate.of(year, 6, 30)), now).total();
		});
		measure("two_words_date_order", clients, seconds, r -> engine
			.search(new ArticleQuery(word(r) + " " + word(r), null, null, null, null, null, null, ArticleQuery.Order.DATE,
					1 + r.nextInt(3), 10), now)
			.total());
		measure("moderator_comments", clients, seconds, r -> engine
			.searchComments(new CommentQuery(word(r), r.nextBoolean() ? Set.of("pending", "rejected") : Set.of(), null,
					null, null, Set.of(), null, null, ArticleQuery.Order.DATE, 1, 10))
			.total());
		System.gc();
		System.out.printf(Locale.ROOT, "heap_after_queries_mb %d%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
		((AutoCloseable) () -> {
			var close = type.getDeclaredMethod("close");
			close.setAccessible(true);
			close.invoke(engine);
		}).close();
	}

	static ArticleQuery articleQuery(String text, String section, LocalDate from, LocalDate to) {
		return new ArticleQuery(text, section, null, null, null, from, to, ArticleQuery.Order.RELEVANCE, 1, 10);
	}

	static void index(SearchEngine engine, int articles, int comments) {
		long start = System.nanoTime();
		engine.clear();
		Random random = new Random(1);
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			sections.add(new Section(i + 1, "section-" + i, "Section " + i, null));
		}
		List<Author> authors = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			authors.add(new Author(i + 1, "writer-" + i, "Writer " + word(random) + " " + i, null, null, null));
		}
		List<SearchableArticle> batch = new ArrayList<>();
		for (int i = 1; i <= articles; i++) {
			Instant at = Instant.ofEpochMilli(START.toEpochMilli() + (long) (random.nextDouble() * SPAN));
			batch.add(new SearchableArticle(i, "article-" + i, text(random, 8), text(random, 25), text(random, 600),
					random.nextInt(5) == 0 ? ArticleKind.OPINION : ArticleKind.NEWS,
					random.nextInt(20) == 0 ? ArticleState.DRAFT : ArticleState.PUBLISHED,
					sections.get(random.nextInt(sections.size())), List.of(authors.get(random.nextInt(authors.size()))),
					List.of(new Tag("tag-" + random.nextInt(500), "Tag")), at));
			if (batch.size() == 1_000) {
				engine.put(batch, List.of());
				batch.clear();
			}
		}
		engine.put(batch, List.of());
		long articlesDone = System.nanoTime();
		System.out.printf(Locale.ROOT, "index_articles_s %.1f%n", (articlesDone - start) / 1e9);
		CommentStatus[] statuses = { CommentStatus.PUBLISHED, CommentStatus.PUBLISHED, CommentStatus.PUBLISHED,
				CommentStatus.PUBLISHED, CommentStatus.PUBLISHED, CommentStatus.PUBLISHED, CommentStatus.PUBLISHED,
				CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.DELETED };
		List<SearchableComment> comments_ = new ArrayList<>();
		for (int i = 1; i <= comments; i++) {
			long article = 1 + random.nextInt(Math.max(1, articles));
			Instant at = Instant.ofEpochMilli(START.toEpochMilli() + (long) (random.nextDouble() * SPAN));
			boolean guest = random.nextInt(3) == 0;
			comments_.add(new SearchableComment(i, article, "article-" + article, "Headline " + article,
					guest ? null : (long) random.nextInt(50_000), "Reader " + word(random),
					guest ? "guest" + random.nextInt(100_000) + "@example.org" : null, text(random, 60),
					statuses[random.nextInt(statuses.length)], at));
			if (comments_.size() == 5_000) {
				engine.putComments(comments_, List.of(), List.of());
				comments_.clear();
			}
		}
		engine.putComments(comments_, List.of(), List.of());
		engine.commit(0);
		long done = System.nanoTime();
		System.out.printf(Locale.ROOT, "index_comments_s %.1f%n", (done - articlesDone) / 1e9);
		System.out.printf(Locale.ROOT, "index_total_s %.1f%n", (done - start) / 1e9);
	}

	interface Query {
		long run(Random random) throws Exception;
	}

	static void measure(String name, int clients, int seconds, Query query) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long warmUntil = System.nanoTime() + 3_000_000_000L;
		long until = warmUntil + seconds * 1_000_000_000L;
		List<Future<long[]>> results = new ArrayList<>();
		java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int c = 0; c < clients; c++) {
			int seed = c;
			results.add(pool.submit(() -> {
				Random random = new Random(seed * 31L + name.hashCode());
				long[] times = new long[1 << 16];
				int n = 0;
				long now;
				long cpuBefore = 0;
				while ((now = System.nanoTime()) < until) {
					if (n == 0 && now >= warmUntil) {
						cpuBefore = threads.getCurrentThreadCpuTime();
					}
					query.run(random);
					long took = System.nanoTime() - now;
					if (now >= warmUntil) {
						if (n == times.length) {
							times = Arrays.copyOf(times, n * 2);
						}
						times[n++] = took;
					}
				}
				if (n > 0) {
					cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
				}
				return Arrays.copyOf(times, n);
			}));
		}
		long[] all = new long[0];
		for (Future<long[]> result : results) {
			long[] part = result.get();
			long[] merged = Arrays.copyOf(all, all.length + part.length);
			System.arraycopy(part, 0, merged, all.length, part.length);
			all = merged;
		}
		pool.shutdown();
		Arrays.sort(all);
		// cpu_ms: the clients' own CPU time per query (thread CPU time, so other processes' load does not count): what
		// a query costs; on an otherwise idle machine, CLIENTS clients on N cores wait about CLIENTS / N times that.
		System.out.printf(Locale.ROOT, "%s queries %d per_s %.0f p50_ms %.2f p99_ms %.2f max_ms %.2f cpu_ms %.2f%n", name,
				all.length, all.length / (double) seconds, at(all, 0.50), at(all, 0.99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length == 0 ? 0 : cpu.get() / 1e6 / all.length);
	}

	static double at(long[] sorted, double quantile) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
	}

	static long size(Path dir) throws Exception {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}
}
