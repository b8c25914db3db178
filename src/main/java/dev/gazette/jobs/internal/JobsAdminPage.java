package dev.gazette.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.publication.Publications;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static dev.gazette.publication.Timestamps.articleTimeOrNull;

/**
 * {@code /admin/jobs}: the queue at a glance, the dead and stuck jobs with their last error, and a retry for a dead
 * one (admins only; errors may quote addresses, so never cached).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class JobsAdminPage {

	static final String PATH = "/admin/jobs";

	private static final int LINES = 200;

	private final JobTable table;

	private final JobWorker worker;

	private final Publications publications;

	private final Clock clock;

	JobsAdminPage(JobTable table, JobWorker worker, Publications publications, Clock clock) {
		this.table = table;
		this.worker = worker;
		this.publications = publications;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String retried, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		Instant now = clock.instant();
		ZoneId zone = publications.current().timeZone();
		List<JobsView.Line> troubled = table.troubled(now, LINES)
			.stream()
			.map(row -> new JobsView.Line(row.id(), row.kind(), row.key(), row.state(), !"dead".equals(row.state()),
					row.attempts(), articleTimeOrNull(row.createdAt(), zone), articleTimeOrNull(row.dueAt(), zone),
					row.claimedBy(), row.lastError()))
			.toList();
		model.addAttribute("jobs", new JobsView(kinds(), troubled, retried));
		return "jobs/admin";
	}

	/** A dead job becomes due now, for one more attempt; this node looks for it at once. */
	@PostMapping(PATH + "/{id}/retry")
	String retry(@PathVariable long id) {
		JobTable.Row row = table.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (table.revive(id, clock.instant())) {
			worker.wake(row.kind());
		}
		return "redirect:" + PATH + "?retried=" + id;
	}

	private List<JobsView.Kind> kinds() {
		Map<String, long[]> byKind = new LinkedHashMap<>();
		for (JobTable.Count count : table.counts()) {
			long[] states = byKind.computeIfAbsent(count.kind(), kind -> new long[4]);
			switch (count.state()) {
				case "pending" -> states[0] = count.jobs();
				case "running" -> states[1] = count.jobs();
				case "done" -> states[2] = count.jobs();
				default -> states[3] = count.jobs();
			}
		}
		return byKind.entrySet()
			.stream()
			.map(e -> new JobsView.Kind(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.toList();
	}
}
