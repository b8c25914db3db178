package dev.gazette.newsroom.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleState;
import dev.gazette.article.ManuscriptSummary;
import dev.gazette.comment.CommentActivity;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.publication.Publications;
import dev.gazette.newsroom.Workflow;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/newsroom}: the editors' dashboard (writers see the same for their own pieces). The comment counts
 * come from one query for all the week's articles.
 */
@Controller
public class DashboardPage {

	private static final int LIMIT = 100;

	private final Workflow workflow;

	private final Comments comments;

	private final Discussions discussions;

	private final Accounts accounts;

	private final Publications publications;

	private final Clock clock;

	private final NewsroomNotices notices;

	public DashboardPage(Workflow workflow, Comments comments, Accounts accounts, Publications publications, Clock clock,
			NewsroomNotices notices, Discussions discussions) {
		this.notices = notices;
		this.workflow = workflow;
		this.comments = comments;
		this.discussions = discussions;
		this.accounts = accounts;
		this.publications = publications;
		this.clock = clock;
	}

	@GetMapping("/admin/newsroom")
	public String dashboard(@AuthenticationPrincipal AccountPrincipal who, HttpServletResponse response, Model model) {
		if (!workflow.writes(who)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		ArticlePages.noStore(response);
		ZoneId zone = publications.current().timeZone();
		Instant now = clock.instant();
		Map<Long, String> names = new HashMap<>();

		List<ManuscriptSummary> waiting = new ArrayList<>(workflow.waiting(ArticleState.SUBMITTED, LIMIT, who));
		waiting.addAll(workflow.waiting(ArticleState.IN_REVIEW, LIMIT, who));
		waiting.sort(Comparator.comparing(DashboardPage::since, Comparator.nullsFirst(Comparator.naturalOrder())));
		List<DashboardView.Waiting> waitingLines = waiting.stream()
			.map(piece -> new DashboardView.Waiting(piece.id(), piece.headline(), ArticlePages.label(piece.state()),
					name(piece.ownerId(), names), ArticlePages.time(since(piece), zone)))
			.toList();

		List<DashboardView.Scheduled> scheduled = workflow.waiting(ArticleState.SCHEDULED, LIMIT, who).stream()
			.sorted(Comparator.comparing(ManuscriptSummary::publishedAt))
			.map(piece -> new DashboardView.Scheduled(piece.id(), piece.headline(), ArticlePages.time(piece.publishedAt(), zone)))
			.toList();

		Instant weekAgo = now.minus(Duration.ofDays(7));
		List<ManuscriptSummary> recent = workflow.pieces(ArticleState.PUBLISHED, 1, LIMIT, who).items().stream()
			.filter(piece -> piece.publishedAt() != null && !piece.publishedAt().isBefore(weekAgo))
			.sorted(Comparator.comparing(ManuscriptSummary::publishedAt).reversed())
			.toList();
		Map<Long, CommentActivity> activity = discussions.activity(recent.stream().map(ManuscriptSummary::id).toList(),
				now.minus(Duration.ofDays(1)), weekAgo);
		List<DashboardView.Published> published = recent.stream().map(piece -> {
			CommentActivity counts = activity.getOrDefault(piece.id(), new CommentActivity(piece.id(), 0, 0, 0));
			return new DashboardView.Published(piece.id(), piece.headline(), "/articles/" + piece.slug(),
					ArticlePages.time(piece.publishedAt(), zone), counts.publishedRecently(), counts.publishedSince(),
					counts.held());
		}).toList();

		List<DashboardView.NoticeLine> notices = this.notices.latest(who.id(), 10).stream()
			.map(line -> new DashboardView.NoticeLine(line.articleId(), line.headline(), line.notice().verb(),
					line.byName(), ArticlePages.time(line.at(), zone), line.mailed()))
			.toList();
		model.addAttribute("dashboard", new DashboardView(who.has(Role.EDITOR), zone.getId(), waitingLines, scheduled,
				published, notices));
		return "newsroom/dashboard";
	}

	private static Instant since(ManuscriptSummary piece) {
		return piece.stateChangedAt() != null ? piece.stateChangedAt() : piece.createdAt();
	}

	private String name(Long accountId, Map<Long, String> names) {
		if (accountId == null) {
			return "before the newsroom";
		}
		return names.computeIfAbsent(accountId,
				id -> accounts.find(id).map(account -> account.displayName()).orElse("a former account"));
	}
}
