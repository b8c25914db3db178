package dev.gazette.admin.internal;

import java.util.List;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.Role;

/**
 * Every staff page, grouped as a small newsroom thinks of them, with the role that opens each. Each page checks its
 * own role as well; this list only decides what is offered. A page added to Gazette is added here.
 */
public final class StaffPages {

	/** One staff page: where, what it is called, what it is for, and the least role that opens it. */
	public record Link(String path, String title, String purpose, Role role) {
	}

	/** A group of pages with its heading; {@code links} only those the viewer may use. */
	public record Group(String id, String heading, List<Link> links) {
	}

	/** The writers' roles: {@link Role#has} gives an admin every one of them. */
	private static final Role WRITER = Role.CONTRIBUTOR;

	static final List<Group> ALL = List.of(
			new Group("newsroom", "Newsroom", List.of(
					new Link("/admin/newsroom", "Newsroom", "Pieces in progress, waiting for review and scheduled.", WRITER),
					new Link("/admin/articles", "Articles", "Write, edit, submit and publish pieces.", WRITER),
					new Link("/admin/media", "Media library", "Upload images and reuse them as lead images.", WRITER),
					new Link("/admin/front-page", "Front page", "Choose the lead and top stories of the front page and each section.",
							Role.EDITOR),
					new Link("/admin/pitches", "Pitches", "Ideas sent through “Write for us”: invite or decline.", Role.EDITOR),
					new Link("/admin/sections", "Sections", "The sections in the menu and their order.", Role.EDITOR),
					new Link("/admin/tags", "Tags", "Rename, merge and remove tags.", Role.EDITOR),
					new Link("/admin/authors", "Authors", "Bylines: names, titles, pictures and biographies.", Role.EDITOR),
					new Link("/admin/pages", "Pages", "About, contact, guidelines, privacy policy and terms of use.",
							Role.EDITOR))),
			new Group("discussion", "Discussion", List.of(
					new Link("/admin/moderation", "Moderation", "Held and reported comments, waiting for a decision.",
							Role.MODERATOR),
					new Link("/admin/moderation/audit", "Moderation log", "Every decision on a comment: who, when and why.",
							Role.ADMIN),
					new Link("/admin/moderation/words", "Blocked words", "Words that hold a comment for a moderator.",
							Role.ADMIN),
					new Link("/admin/moderation/model", "Screening model", "How comments are scored, and training it again.",
							Role.ADMIN))),
			new Group("readers", "Readers", List.of(
					new Link("/admin/people", "People", "Find accounts and give or take away staff roles.", Role.ADMIN),
					new Link("/admin/newsletter", "Newsletter", "Subscribers and the letters sent to them.", Role.ADMIN))),
			new Group("site", "Site", List.of(
					new Link("/admin/settings", "Settings", "Name, tagline, time zone, opinion texts, guest comments, mail sender.",
							Role.ADMIN),
					new Link("/admin/outbox", "Outbox", "Mail waiting, sent and failed.", Role.ADMIN),
					new Link("/admin/webhooks", "Webhooks", "Other services told when something is published.", Role.ADMIN),
					new Link("/admin/jobs", "Background jobs", "Work waiting, running and failed, on every node.", Role.ADMIN),
					new Link("/admin/import", "Import", "Bring in a WordPress or Disqus export, with live progress and a report.",
							Role.ADMIN),
					new Link("/admin/export", "Export", "Everything as a WordPress export or as JSON, to move or keep a copy.",
							Role.ADMIN))));

	private StaffPages() {
	}

	/** The groups with only the pages {@code viewer} may use; groups left empty are left out. */
	static List<Group> forViewer(AccountPrincipal viewer) {
		return ALL.stream()
			.map(group -> new Group(group.id(), group.heading(),
					group.links().stream().filter(link -> mayUse(viewer, link.role())).toList()))
			.filter(group -> !group.links().isEmpty())
			.toList();
	}

	private static boolean mayUse(AccountPrincipal viewer, Role role) {
		if (role == WRITER) {
			return viewer.has(Role.CONTRIBUTOR) || viewer.has(Role.AUTHOR) || viewer.has(Role.EDITOR);
		}
		return viewer.has(role);
	}
}
