package dev.gazette.moderation.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.live.LiveFeed;
import dev.gazette.moderation.internal.QueueView.Queue;
import dev.gazette.moderation.classifier.Label;
import dev.gazette.moderation.ClassifierModels;
import dev.gazette.moderation.ModerationQueues;
import dev.gazette.moderation.ModerationService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/moderation}: the moderators' console. Plain forms (every action works without JavaScript); a small
 * script adds the keyboard: j/k to move, a to approve, r to reject.
 */
@Controller
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class ModerationConsole {

	private final ModerationQueues queues;

	private final ModerationService moderation;

	private final ClassifierModels classifier;

	private final LiveFeed live;

	public ModerationConsole(ModerationQueues queues, ModerationService moderation, ClassifierModels classifier,
			LiveFeed live) {
		this.live = live;
		this.queues = queues;
		this.moderation = moderation;
		this.classifier = classifier;
	}

	@GetMapping("/admin/moderation")
	public String console(@RequestParam(required = false) String queue, @RequestParam(required = false) String article,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done, Model model) {
		// Before the queue is read: the page's script then announces only comments that came to wait after it.
		model.addAttribute("liveAfter", live.position());
		model.addAttribute("console", queues.view(Queue.fromKey(queue), article, page, done));
		model.addAttribute("labels", List.of(Label.values()));
		return "moderation/console";
	}

	@PostMapping("/admin/moderation/{id}/approve")
	public String approve(@PathVariable long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal moderator, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			moderation.approve(id, moderator.id());
			return "Approved comment " + id + ".";
		});
	}

	@PostMapping("/admin/moderation/{id}/reject")
	public String reject(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) List<String> labels, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal moderator, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			moderation.reject(id, moderator.id(), reason, labels(labels));
			return "Rejected comment " + id + ".";
		});
	}

	@PostMapping("/admin/moderation/{id}/feature")
	public String feature(@PathVariable long id, @RequestParam boolean featured, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal moderator, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			moderation.feature(id, moderator.id(), featured);
			return (featured ? "Featured" : "Unfeatured") + " comment " + id + ".";
		});
	}

	@PostMapping("/admin/moderation/{id}/suspend")
	public String suspend(@PathVariable long id, @RequestParam(defaultValue = "0") int days,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal moderator, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			var until = moderation.suspendAuthor(id, moderator.id(), Duration.ofDays(days), reason);
			return "The author may not comment until " + until.toString().substring(0, 10) + "; they have been told why.";
		});
	}

	@PostMapping("/admin/moderation/bulk")
	public String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal moderator, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			if (ids == null || ids.isEmpty()) {
				throw new IllegalArgumentException("Select at least one comment.");
			}
			int decided = moderation.decideAll(ids, moderator.id(), "approve".equals(action), reason);
			return ("approve".equals(action) ? "Approved " : "Rejected ") + decided + " comments.";
		});
	}

	private String act(String back, RedirectAttributes redirect, Action action) {
		try {
			redirect.addAttribute("done", action.run());
		}
		catch (IllegalArgumentException ex) {
			redirect.addAttribute("done", ex.getMessage());
		}
		classifier.retrainIfDue();
		return "redirect:" + (back != null && back.startsWith("/admin/moderation") ? back : "/admin/moderation");
	}

	private static Set<Label> labels(List<String> keys) {
		if (keys == null) {
			return Set.of();
		}
		return keys.stream().map(Label::fromColumn).collect(java.util.stream.Collectors.toSet());
	}

	@FunctionalInterface
	private interface Action {
		String run();
	}
}
