package dev.gazette.newsroom.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Manuscript;
import dev.gazette.publication.Publications;
import dev.gazette.newsroom.RevisionDiff;
import dev.gazette.newsroom.Workflow;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A piece's revisions for people: {@code /admin/articles/{id}/revisions} (the list), {@code …/revisions/diff?from=&to=}
 * (what changed, fields then body lines) and {@code …/revisions/{n}/restore} (asks, then brings a revision back as a
 * new one).
 * A refusal by the workflow goes to {@link NewsroomErrorPages}.
 */
@Controller
public class RevisionPages {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("headline", "Headline"),
			Map.entry("standfirst", "Standfirst"), Map.entry("slug", "Slug"), Map.entry("kind", "Kind"),
			Map.entry("section", "Section"), Map.entry("tags", "Tags"), Map.entry("authors", "Bylines"),
			Map.entry("sourceName", "Source name"), Map.entry("sourceUrl", "Source link"),
			Map.entry("canonicalUrl", "Canonical address"), Map.entry("leadImage", "Lead image"),
			Map.entry("seoTitle", "Search title"), Map.entry("seoDescription", "Search description"));

	private final Workflow workflow;

	private final Publications publications;

	public RevisionPages(Workflow workflow, Publications publications) {
		this.workflow = workflow;
		this.publications = publications;
	}

	@GetMapping("/admin/articles/{id}/revisions")
	public String revisions(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response,
			Model model) {
		ArticlePages.noStore(response);
		return view(model, id, who, null, null);
	}

	@GetMapping("/admin/articles/{id}/revisions/diff")
	public String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to,
			@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		ArticlePages.noStore(response);
		RevisionDiff diff = workflow.diff(id, Math.min(from, to), Math.max(from, to), who);
		List<RevisionsView.FieldChange> fields = diff.fields().stream()
			.map(change -> new RevisionsView.FieldChange(LABELS.getOrDefault(change.field(), change.field()),
					text(change.from()), text(change.to())))
			.toList();
		List<RevisionsView.Hunk> body = diff.body().stream()
			.map(change -> new RevisionsView.Hunk(change.fromLine(), change.toLine(), change.removed(), change.added()))
			.toList();
		return view(model, id, who, lines -> new RevisionsView.Diff(find(lines, diff.from()), find(lines, diff.to()),
				fields, body), null);
	}

	@GetMapping("/admin/articles/{id}/revisions/{number}/restore")
	public String confirm(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		ArticlePages.noStore(response);
		return view(model, id, who, null, number);
	}

	@PostMapping("/admin/articles/{id}/revisions/{number}/restore")
	public String restore(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal AccountPrincipal who) {
		try {
			workflow.restore(id, number, who);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		return "redirect:/admin/articles/" + id + "?done=restored";
	}

	private String view(Model model, long id, AccountPrincipal who,
			java.util.function.Function<List<RevisionsView.Line>, RevisionsView.Diff> diff, Integer restoring) {
		Manuscript piece = workflow.piece(id, who);
		ZoneId zone = publications.current().timeZone();
		List<RevisionsView.Line> lines = workflow.revisions(id, who).stream()
			.map(revision -> new RevisionsView.Line(revision.number(),
					revision.accountName() == null ? "before the newsroom" : revision.accountName(),
					ArticlePages.time(revision.createdAt(), zone), revision.summary()))
			.toList();
		RevisionsView.Line toRestore = restoring == null ? null : find(lines, restoring);
		if (restoring != null && toRestore == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("revisions", new RevisionsView(id, piece.copy().headline(), workflow.actions(piece, who).edit(),
				lines, diff == null ? null : diff.apply(lines), toRestore));
		return diff != null ? "newsroom/diff" : restoring != null ? "newsroom/restore" : "newsroom/revisions";
	}

	private static RevisionsView.Line find(List<RevisionsView.Line> lines, int number) {
		return lines.stream().filter(line -> line.number() == number).findFirst().orElse(null);
	}

	private static String text(Object value) {
		if (value == null) {
			return "(none)";
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return value.toString();
	}
}
