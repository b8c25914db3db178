package dev.gazette.transfer.internal;

import dev.gazette.transfer.DisqusImport;
import dev.gazette.transfer.ImportRefused;
import dev.gazette.transfer.ImportReport;
import dev.gazette.transfer.WordPressImport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Imports started from the admin page, run one at a time on a thread of their own (a second waits for the first), with
 * how far each has got for the page to show. An import's work is already durable row by row (the ledger), so a run
 * that dies with its node loses nothing imported and is completed by uploading the file again; what is kept here is
 * only the progress, on the node that runs it, for the last few runs.
 */
@Component
public class ImportRuns {

	private static final int KEPT = 20;

	private final WordPressImport wordPress;

	private final DisqusImport disqus;

	private final Clock clock;

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "gazette-import");
		thread.setDaemon(true);
		return thread;
	});

	public ImportRuns(WordPressImport wordPress, DisqusImport disqus, Clock clock) {
		this.wordPress = wordPress;
		this.disqus = disqus;
		this.clock = clock;
	}

	public enum Source {
		WORDPRESS("WordPress"), DISQUS("Disqus");

		final String label;

		Source(String label) {
			this.label = label;
		}
	}

	/** One run: its progress is written by the import's thread and read by requests. */
	public static final class Run {

		final String id;

		final Source source;

		final String fileName;

		final boolean dryRun;

		final boolean screen;

		final Instant queuedAt;

		volatile String state = "waiting";

		volatile int done;

		volatile int total;

		volatile String refusal;

		volatile ImportReport report;

		volatile Instant finishedAt;

		Run(String id, Source source, String fileName, boolean dryRun, boolean screen, Instant queuedAt) {
			this.id = id;
			this.source = source;
			this.fileName = fileName;
			this.dryRun = dryRun;
			this.screen = screen;
			this.queuedAt = queuedAt;
		}

		boolean finished() {
			return finishedAt != null;
		}
	}

	/** Queues the import of {@code file}, which this takes over (and deletes when the run ends). */
	public Run start(Source source, Path file, String fileName, boolean dryRun, boolean screen) {
		Run run = new Run(UUID.randomUUID().toString(), source, fileName, dryRun, screen, clock.instant());
		runs.put(run.id, run);
		forgetOld();
		worker.execute(() -> execute(run, file));
		return run;
	}

	private void execute(Run run, Path file) {
		run.state = "reading";
		WordPressImport.Progress progress = (done, total) -> {
			run.state = "importing";
			run.done = done;
			run.total = total;
		};
		try {
			run.report = run.source == Source.WORDPRESS ? wordPress.run(file, null, run.dryRun, run.screen, progress)
					: disqus.run(file, run.dryRun, run.screen, progress);
			run.state = "done";
		}
		catch (ImportRefused refused) {
			run.refusal = refused.getMessage();
			run.state = "refused";
		}
		catch (RuntimeException ex) {
			run.refusal = "The import stopped: " + ex.getMessage() + " What was imported before it stopped is kept; "
					+ "upload the file again to complete it.";
			run.state = "failed";
		}
		finally {
			run.finishedAt = clock.instant();
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A temporary file left behind: the system's temporary folder is cleaned by the system.
			}
		}
	}

	public Optional<Run> find(String id) {
		return Optional.ofNullable(runs.get(id));
	}

	/** The runs this node knows, newest first. */
	public List<Run> recent() {
		List<Run> all = new ArrayList<>(runs.values());
		all.sort(Comparator.comparing((Run r) -> r.queuedAt).reversed());
		return all;
	}

	private void forgetOld() {
		List<Run> all = recent();
		for (int i = KEPT; i < all.size(); i++) {
			if (all.get(i).finished()) {
				runs.remove(all.get(i).id);
			}
		}
	}

	@PreDestroy
	public void stop() {
		worker.shutdownNow();
	}
}
