package dev.gazette.moderation.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.moderation.classifier.LabelledComment;
import dev.gazette.moderation.classifier.LabelledData;
import dev.gazette.moderation.classifier.LabelledDataException;
import dev.gazette.moderation.AuditLog;
import dev.gazette.moderation.ClassifierModels;
import dev.gazette.moderation.ModerationProperties;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/moderation/model}: admins see the classifier's versions and retrain it from scratch, optionally
 * with a labelled file of their own (the Jigsaw CSV layout or JSON lines). Training runs in the background; a bad
 * file is refused before anything starts.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class ModelPages {

	private final ClassifierModels models;

	private final ModerationProperties properties;

	private final AuditLog audit;

	public ModelPages(ClassifierModels models, ModerationProperties properties, AuditLog audit) {
		this.models = models;
		this.properties = properties;
		this.audit = audit;
	}

	@GetMapping("/admin/moderation/model")
	public String show(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("classifier", view(done, null));
		return "moderation/model";
	}

	@PostMapping("/admin/moderation/model")
	public String retrain(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AccountPrincipal admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<LabelledComment> extra;
		String source = "";
		try {
			extra = file == null || file.isEmpty() ? List.of() : read(file);
			if (file != null && !file.isEmpty()) {
				if (extra.isEmpty()) {
					throw new LabelledDataException("it has no labelled rows");
				}
				source = " and " + extra.size() + " examples from " + file.getOriginalFilename();
			}
		}
		catch (LabelledDataException | IOException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("classifier", view(null, "That file cannot be used: " + ex.getMessage()));
			return "moderation/model";
		}
		String why = "retrained by an admin from the shipped data, this site's decisions" + source;
		audit.record(null, null, admin.id(), "classifier-retrained", null, why);
		models.retrainInBackground(why, extra);
		redirect.addAttribute("done", "Training started. The new version appears here when it is ready (seconds for "
				+ "the shipped data, minutes for a large file); until then the current one stays in use.");
		return "redirect:/admin/moderation/model";
	}

	private ModelView view(String message, String error) {
		return new ModelView(models.versions(), models.decisionsSinceTraining(), properties.retrainAfter(), message,
				error);
	}

	/** Reads a CSV or JSON-lines upload, by the file's name; anything else is refused. */
	public static List<LabelledComment> read(MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			if (name.endsWith(".csv")) {
				return LabelledData.readCsv(reader, name);
			}
			if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
				return LabelledData.readJsonLines(reader, name);
			}
		}
		throw new LabelledDataException("the file must be .csv or .jsonl, not “" + file.getOriginalFilename() + "”");
	}
}
