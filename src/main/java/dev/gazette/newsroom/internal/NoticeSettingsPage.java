package dev.gazette.newsroom.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;
import dev.gazette.newsroom.Notice;
import dev.gazette.newsroom.Workflow;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /settings/newsroom}: which newsroom notices come by mail, for the staff who write or edit. */
@Controller
public class NoticeSettingsPage {

	private final NewsroomNotices notices;

	private final Workflow workflow;

	public NoticeSettingsPage(NewsroomNotices notices, Workflow workflow) {
		this.notices = notices;
		this.workflow = workflow;
	}

	/** One checkbox. Public for the template. */
	public record Choice(String key, String label, boolean on) {
	}

	@GetMapping(NewsroomNotices.SETTINGS_PATH)
	public String page(@RequestParam(required = false) String saved, @AuthenticationPrincipal AccountPrincipal who,
			HttpServletResponse response, Model model) {
		List<Notice> mine = mine(who);
		Set<Notice> off = notices.turnedOff(who.id());
		ArticlePages.noStore(response);
		model.addAttribute("choices", mine.stream().map(n -> new Choice(n.key(), n.setting(), !off.contains(n))).toList());
		model.addAttribute("saved", saved != null);
		return "newsroom/notice-settings";
	}

	@PostMapping(NewsroomNotices.SETTINGS_PATH)
	public String save(@RequestParam(name = "on", required = false) List<String> on,
			@AuthenticationPrincipal AccountPrincipal who) {
		List<Notice> mine = mine(who);
		Set<Notice> chosen = EnumSet.noneOf(Notice.class);
		// Those this person cannot get stay as they were: the form shows only their own.
		Set<Notice> off = notices.turnedOff(who.id());
		for (Notice notice : Notice.values()) {
			boolean shown = mine.contains(notice);
			if (shown ? on != null && on.contains(notice.key()) : !off.contains(notice)) {
				chosen.add(notice);
			}
		}
		notices.choose(who.id(), chosen);
		return "redirect:" + NewsroomNotices.SETTINGS_PATH + "?saved";
	}

	private List<Notice> mine(AccountPrincipal who) {
		if (!workflow.writes(who)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return NewsroomNotices.forPerson(who.has(Role.EDITOR), true);
	}
}
