package dev.gazette.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.transfer.internal.ImportLedger;
import dev.gazette.transfer.internal.ImportScreening;
import dev.gazette.transfer.internal.OldPaths;
import dev.gazette.transfer.internal.PlainText;
import dev.gazette.transfer.internal.SafeXml;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a Disqus export ({@code <disqus>} with {@code <thread>} and {@code <post>} elements). A thread is matched to
 * an article by its link (a WordPress permalink imported before, or a Gazette article address) or by its identifier
 * (the Disqus WordPress plugin writes {@code "123 https://site/?p=123"}, so the WordPress post id, or a Gazette slug);
 * threads that match nothing are reported with their links. Posts keep their parents, authors and times; a deleted one
 * becomes a placeholder, a spam one is rejected (never shown). Each post is its own transaction, recorded as it goes.
 * <p>
 * Its length is the matching of a thread to an article in all the ways listed and the streaming reader of the format;
 * both serve this one import.
 */
@Service
public class DisqusImport {

	static final String THREADS = "threads";

	static final String COMMENTS = "comments";

	private final ArticleCatalog catalog;

	private final Comments comments;

	private final ImportLedger ledger;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ImportScreening screening;

	DisqusImport(ArticleCatalog catalog, Comments comments, ImportLedger ledger, TransactionTemplate transaction,
			Clock clock, ImportScreening screening) {
		this.screening = screening;
		this.catalog = catalog;
		this.comments = comments;
		this.ledger = ledger;
		this.transaction = transaction;
		this.clock = clock;
	}

	record Thread(String id, String identifier, String link, String title) {
	}

	record Post(String id, String thread, String parent, String message, Instant createdAt, boolean deleted,
			boolean spam, String name, String email) {
	}

	/**
	 * @throws ImportRefused when the file is not a whole, safe Disqus export; nothing was written then
	 */
	public ImportReport run(Path file, boolean dryRun, WordPressImport.Progress progress) {
		return run(file, dryRun, false, progress);
	}

	/** The same; with {@code screen}, as {@link WordPressImport#run(Path, Path, boolean, boolean, WordPressImport.Progress)}. */
	public ImportReport run(Path file, boolean dryRun, boolean screen, WordPressImport.Progress progress) {
		if (screen) {
			screening.prepare();
		}
		Map<String, Thread> threads = new LinkedHashMap<>();
		String[] forum = { "" };
		int[] posts = { 0 };
		read(file, threads::put, post -> posts[0]++, forum);
		ImportReport report = new ImportReport(dryRun, screen);
		String source = "disqus:" + forum[0];
		Map<String, Long> articles = new HashMap<>();
		threads.values().forEach(thread -> match(thread).ifPresentOrElse(id -> articles.put(thread.id(), id), () -> {
			report.failed(THREADS, "thread " + thread.id() + " (" + thread.link() + ", “" + thread.title()
					+ "”) matches no article");
		}));
		report.note(articles.size() + " of " + threads.size() + " threads matched an article");
		Map<String, Long> ids = new HashMap<>();
		List<Post> waiting = new ArrayList<>();
		int[] done = { 0 };
		read(file, (id, thread) -> {
		}, post -> {
			if (post.parent() != null && !ids.containsKey(post.parent())) {
				waiting.add(post);
			}
			else {
				post(source, post, articles, ids, report);
			}
			progress.at(++done[0], posts[0]);
		}, forum);
		boolean moved = true;
		while (!waiting.isEmpty() && moved) {
			moved = false;
			for (var it = waiting.iterator(); it.hasNext();) {
				Post post = it.next();
				if (ids.containsKey(post.parent())) {
					it.remove();
					moved = true;
					post(source, post, articles, ids, report);
				}
			}
		}
		waiting.forEach(post -> report.failed(COMMENTS, "post " + post.id() + " answers post " + post.parent()
				+ ", which was not imported"));
		return report;
	}

	private Optional<Long> match(Thread thread) {
		if (thread.link() != null && !thread.link().isBlank()) {
			String path = OldPaths.of(thread.link());
			Optional<Long> byPath = ledger.articleAt(path);
			if (byPath.isPresent()) {
				return byPath;
			}
			String p = OldPaths.parameter(thread.link(), "p");
			if (p != null) {
				Optional<Long> byId = ledger.anySource("post", p);
				if (byId.isPresent()) {
					return byId;
				}
			}
			if (path.startsWith("/articles/")) {
				Optional<Long> bySlug = articleBySlug(path.substring("/articles/".length()));
				if (bySlug.isPresent()) {
					return bySlug;
				}
			}
		}
		String identifier = thread.identifier() == null ? "" : thread.identifier().strip();
		if (identifier.isEmpty()) {
			return Optional.empty();
		}
		String first = identifier.split("\\s+")[0];
		if (first.matches("\\d+")) {
			Optional<Long> byPost = ledger.anySource("post", first);
			if (byPost.isPresent()) {
				return byPost;
			}
		}
		return articleBySlug(first);
	}

	private Optional<Long> articleBySlug(String slug) {
		return catalog.find(slug).map(article -> article.id());
	}

	private void post(String source, Post post, Map<String, Long> articles, Map<String, Long> ids,
			ImportReport report) {
		Long articleId = articles.get(post.thread());
		if (articleId == null) {
			report.failed(COMMENTS, "post " + post.id() + " is in thread " + post.thread() + ", which matches no article");
			return;
		}
		Optional<Long> known = ledger.id(source, "comment", post.id());
		if (known.isPresent()) {
			ids.put(post.id(), known.get());
			report.skipped(COMMENTS);
			return;
		}
		String body = PlainText.comment(post.message());
		if ((body.isBlank() && !post.deleted()) || body.length() > 10_000) {
			report.failed(COMMENTS, "post " + post.id() + (body.isBlank() ? " is empty" : " is too long"));
			return;
		}
		CommentStatus status = post.spam() ? CommentStatus.REJECTED
				: post.deleted() ? CommentStatus.DELETED : CommentStatus.PUBLISHED;
		if (report.screened() && status == CommentStatus.PUBLISHED) {
			Optional<String> reasons = screening.wouldHold(body);
			if (reasons.isPresent()) {
				report.heldByScreening("post " + post.id(), reasons.get());
				status = CommentStatus.PENDING;
			}
		}
		if (report.dryRun()) {
			ids.put(post.id(), -1L);
			report.created(COMMENTS);
			return;
		}
		CommentStatus stored = status;
		Long parent = post.parent() == null ? null : ids.get(post.parent());
		String name = PlainText.limit(PlainText.of(post.name()), 60);
		Long id = transaction.execute(tx -> {
			long created = comments.importComment(articleId, parent, name.isEmpty() ? "Anonymous" : name, null,
					post.email() == null || post.email().isBlank() ? null : post.email().strip(),
					body.isBlank() ? "(deleted)" : body, stored, post.createdAt() == null ? clock.instant() : post.createdAt());
			ledger.record(source, "comment", post.id(), created, null);
			return created;
		});
		ids.put(post.id(), id);
		report.created(COMMENTS);
	}

	private interface ThreadSink {

		void put(String id, Thread thread);
	}

	private static void read(Path file, ThreadSink threads, Consumer<Post> posts, String[] forum) {
		try (SafeXml.Opened opened = SafeXml.open(file)) {
			SafeXml.Guarded xml = opened.xml();
			boolean root = false;
			while (true) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_DOCUMENT) {
					break;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (!root) {
					if (!xml.local().equals("disqus")) {
						throw new ImportRefused("This is not a Disqus export: its first element is <" + xml.local()
								+ ">, not <disqus>. Nothing was imported.");
					}
					root = true;
					continue;
				}
				String dsqId = xml.attribute("id");
				switch (xml.local()) {
					case "thread" -> {
						Map<String, String> f = fields(xml);
						if (forum[0].isEmpty() && f.get("forum") != null) {
							forum[0] = f.get("forum").strip();
						}
						threads.put(dsqId, new Thread(dsqId, f.get("id"), strip(f.get("link")), strip(f.get("title"))));
					}
					case "post" -> {
						Map<String, String> f = fields(xml);
						posts.accept(new Post(dsqId, f.get("thread@id"), f.get("parent@id"), f.getOrDefault("message", ""),
								time(f.get("createdAt")), "true".equals(strip(f.get("isDeleted"))),
								"true".equals(strip(f.get("isSpam"))), f.getOrDefault("author/name", ""),
								f.get("author/email")));
					}
					default -> xml.skip();
				}
			}
			if (!root) {
				throw new ImportRefused("The file is empty. Nothing was imported.");
			}
		}
		catch (XMLStreamException ex) {
			throw SafeXml.refused(ex);
		}
	}

	/** Child elements' text by name; one level deeper as {@code author/name}; a reference's id as {@code thread@id}. */
	private static Map<String, String> fields(SafeXml.Guarded xml) throws XMLStreamException {
		Map<String, String> fields = new HashMap<>();
		String outer = null;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String name = xml.local();
				String id = xml.attribute("id");
				if (id != null && depth == 2) {
					fields.put(name + "@id", id);
				}
				if (depth == 2 && (name.equals("author") || name.equals("thread") || name.equals("parent")
						|| name.equals("category"))) {
					outer = name;
					continue;
				}
				fields.put(depth == 3 && outer != null ? outer + "/" + name : name, xml.text());
				depth--;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				if (depth == 1) {
					outer = null;
				}
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("The file ends inside an element", xml.reader().getLocation());
			}
		}
		return fields;
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

	private static Instant time(String text) {
		try {
			return text == null || text.isBlank() ? null : Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
