package dev.gazette.moderation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /guidelines}: what the discussion expects of everyone, linked from every comment form. */
@Controller
class GuidelinesPage {

	@GetMapping("/guidelines")
	String guidelines() {
		return "moderation/guidelines";
	}
}
