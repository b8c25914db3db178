package dev.gazette.moderation.internal;

import dev.gazette.moderation.WordLists;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/moderation/words}: admins edit the banned and suspect word lists. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class WordPages {

	private final WordLists words;

	public WordPages(WordLists words) {
		this.words = words;
	}

	@GetMapping("/admin/moderation/words")
	public String list(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("words", new WordsView(words.all(), done));
		return "moderation/words";
	}

	@PostMapping("/admin/moderation/words")
	public String add(@RequestParam(required = false) String phrase, @RequestParam(defaultValue = "suspect") String kind,
			RedirectAttributes redirect) {
		try {
			words.add(phrase, WordLists.Kind.fromKey(kind));
			redirect.addAttribute("done", "Added “" + phrase.strip() + "”.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addAttribute("done", ex.getMessage());
		}
		return "redirect:/admin/moderation/words";
	}

	@PostMapping("/admin/moderation/words/{id}/delete")
	public String remove(@PathVariable long id, RedirectAttributes redirect) {
		words.remove(id);
		redirect.addAttribute("done", "Removed.");
		return "redirect:/admin/moderation/words";
	}

}
