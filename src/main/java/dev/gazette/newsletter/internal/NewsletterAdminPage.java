package dev.gazette.newsletter.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.gazette.account.Accounts;
import dev.gazette.account.NewsletterReader;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.newsletter.internal.Subscribers.Guest;
import dev.gazette.newsletter.internal.Subscribers.Preference;
import dev.gazette.publication.Publications;
import dev.gazette.newsletter.Frequency;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import static dev.gazette.publication.Timestamps.articleTimeOrNull;

/** {@code /admin/newsletter}: subscriber counts and the latest issues (admins only). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class NewsletterAdminPage {

	private static final int ISSUES = 30;

	private final Subscribers subscribers;

	private final Issues issues;

	private final Accounts accounts;

	private final ArticleCatalog articles;

	private final Publications publications;

	public NewsletterAdminPage(Subscribers subscribers, Issues issues, Accounts accounts, ArticleCatalog articles,
			Publications publications) {
		this.subscribers = subscribers;
		this.issues = issues;
		this.accounts = accounts;
		this.articles = articles;
		this.publications = publications;
	}

	@GetMapping("/admin/newsletter")
	@Transactional(readOnly = true)
	public String page(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		Map<Long, Preference> preferences = subscribers.preferences();
		List<Preference> accountChoices = accounts.newsletterReaders()
			.stream()
			.map(NewsletterReader::accountId)
			.map(id -> preferences.getOrDefault(id, Preference.DEFAULT))
			.toList();
		List<Guest> guests = subscribers.confirmed();
		List<NewsletterAdminView.SectionCount> sections = articles.sections()
			.stream()
			.map(section -> new NewsletterAdminView.SectionCount(section.name(),
					accountChoices.stream().filter(choice -> choice.sections().contains(section.slug())).count(),
					guests.stream().filter(guest -> guest.sections().contains(section.slug())).count()))
			.toList();
		ZoneId zone = publications.current().timeZone();
		List<NewsletterAdminView.IssueLine> lines = issues.latest(ISSUES)
			.stream()
			.map(issue -> new NewsletterAdminView.IssueLine(issue.frequency().key(), issue.periodKey(),
					articleTimeOrNull(issue.createdAt(), zone), issue.articles(), issue.status(), issue.recipients(),
					issue.sent(), issue.skipped(), issue.pending(), articleTimeOrNull(issue.finishedAt(), zone)))
			.toList();
		model.addAttribute("admin", new NewsletterAdminView(count(accountChoices, Frequency.DAILY),
				count(accountChoices, Frequency.WEEKLY),
				guests.stream().filter(guest -> guest.frequency() == Frequency.DAILY).count(),
				guests.stream().filter(guest -> guest.frequency() == Frequency.WEEKLY).count(), subscribers.pendingCount(),
				sections, lines));
		return "newsletter/admin";
	}

	private static long count(List<Preference> choices, Frequency frequency) {
		return choices.stream().filter(choice -> choice.frequency() == frequency).count();
	}
}
