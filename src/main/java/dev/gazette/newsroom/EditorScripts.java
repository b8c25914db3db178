package dev.gazette.newsroom;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.publication.Publications;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the article editor's scripts ask while a writer types: the live preview and autosave. JSON, apart from the
 * editor's pages ({@link ArticlePages}) because it answers a script, not a person; a refusal is problem JSON, as in
 * the API.
 */
@RestController
class EditorScripts {

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Workflow workflow;

	private final Publications publications;

	EditorScripts(Workflow workflow, Publications publications) {
		this.workflow = workflow;
		this.publications = publications;
	}

	/** The live preview: the body as readers will see it, and its length. */
	@PostMapping("/admin/articles/preview")
	ResponseEntity<Preview> preview(@RequestParam(defaultValue = "") String bodyMarkdown, @AuthenticationPrincipal AccountPrincipal who) {
		String markdown = bodyMarkdown.replace("\r\n", "\n");
		Words words = Words.in(markdown);
		return json(new Preview(workflow.preview(markdown, who), words.count(), words.minutes()));
	}

	/** Keeps the writer's unsaved form apart from the piece; readers see nothing of it. */
	@PostMapping("/admin/articles/{id}/autosave")
	ResponseEntity<Saved> autosave(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted,
			@AuthenticationPrincipal AccountPrincipal who) {
		EditorForm form = EditorForm.from(posted);
		Instant at = workflow.autosave(id, form.readVersion(), form.fields(), form.bodyMarkdown(), who);
		return json(new Saved(CLOCK_TIME.format(at.atZone(publications.current().timeZone())), at.toString()));
	}

	/** JSON whatever the script's Accept header says: it reads nothing else. */
	private static <T> ResponseEntity<T> json(T body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** {@code html}: the body rendered as readers will see it; {@code minutes}: reading time. */
	record Preview(String html, int words, int minutes) {
	}

	/** {@code savedAt}: the clock time to show the writer; {@code at}: the instant. */
	record Saved(String savedAt, String at) {
	}
}
