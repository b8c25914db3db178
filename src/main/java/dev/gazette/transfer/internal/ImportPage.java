package dev.gazette.transfer.internal;

import dev.gazette.transfer.ImportRefused;
import dev.gazette.transfer.ImportReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/import}: an admin uploads a WordPress or Disqus export, which is moved to a temporary file (Gazette's
 * multipart parsing writes every upload to disk as it arrives, never to memory) and imported in the background
 * ({@link ImportRuns}); the run's page shows its progress, polled as a small JSON status, and then its report. A file
 * that is not XML, or declares a document type (the shape of entity attacks), is refused at once on the form.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class ImportPage {

	static final String PATH = "/admin/import";

	private final ImportRuns runs;

	private final String uploadLimit;

	public ImportPage(ImportRuns runs, @Value("${gazette.media.max-upload-size:20MB}") DataSize limit) {
		this.runs = runs;
		this.uploadLimit = limit.toMegabytes() + " MB";
	}

	@GetMapping(PATH)
	public String page(HttpServletResponse response, Model model) {
		return show(null, response, model);
	}

	private String show(String error, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("imports", new ImportView(error, uploadLimit, runs.recent().stream().map(ImportPage::view)
			.toList()));
		return "transfer/import";
	}

	@PostMapping(PATH)
	public String upload(@RequestParam(defaultValue = "wordpress") String source,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean screen, HttpServletResponse response, Model model) throws IOException {
		ImportRuns.Source kind = switch (source) {
			case "disqus" -> ImportRuns.Source.DISQUS;
			default -> ImportRuns.Source.WORDPRESS;
		};
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show("Choose the export file to import.", response, model);
		}
		Path temporary = Files.createTempFile("gazette-import-", ".xml");
		try {
			file.transferTo(temporary);
			String root = SafeXml.rootElement(temporary);
			String expected = kind == ImportRuns.Source.WORDPRESS ? "rss" : "disqus";
			if (!root.equals(expected)) {
				throw new ImportRefused("This is not a " + kind.label + " export: its first element is <" + root
						+ ">, not <" + expected + ">." + (root.equals("disqus") || root.equals("rss")
								? " Did you mean to choose " + (root.equals("rss") ? "WordPress" : "Disqus") + "?" : "")
						+ " Nothing was imported.");
			}
		}
		catch (ImportRefused refused) {
			Files.deleteIfExists(temporary);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(refused.getMessage(), response, model);
		}
		String name = file.getOriginalFilename() == null ? "export.xml" : file.getOriginalFilename();
		ImportRuns.Run run = runs.start(kind, temporary, name, dryRun, screen);
		return "redirect:" + PATH + "/runs/" + run.id;
	}

	@GetMapping(PATH + "/runs/{id}")
	public String run(@PathVariable String id, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		ImportRuns.Run run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("run", view(run));
		return "transfer/import-run";
	}

	/** What the page's script polls: the run's state and counts. */
	public record Status(String state, int done, int total, String text, boolean finished) {
	}

	@GetMapping(PATH + "/runs/{id}/status")
	@ResponseBody
	public Status status(@PathVariable String id, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		ImportView.RunView run = view(runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return new Status(run.state(), run.done(), run.total(), run.progressText(), run.finished());
	}

	private static ImportView.RunView view(ImportRuns.Run run) {
		ImportReport report = run.report;
		List<ImportView.Line> lines = report == null ? List.of() : report.kinds().entrySet().stream()
			.map(e -> new ImportView.Line(e.getKey(), e.getValue().created(), e.getValue().skipped(),
					e.getValue().failed(), e.getValue().reasons()))
			.toList();
		return new ImportView.RunView(run.id, run.source.label, run.fileName, run.dryRun,
				run.state.toLowerCase(Locale.ROOT), run.done, run.total, run.refusal, lines,
				report == null ? List.of() : notes(report), report != null && report.changedNothing());
	}

	/** The report's notes, after what the classifier held when the run screened comments. */
	private static List<String> notes(ImportReport report) {
		List<String> notes = new java.util.ArrayList<>();
		if (report.screened()) {
			notes.add(report.heldSummary() + ".");
			report.heldExamples().forEach(example -> notes.add("Held: " + example));
		}
		notes.addAll(report.notes());
		return notes;
	}
}
