package dev.gazette.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.gazette.account.Account;
import dev.gazette.comment.Comment;
import dev.gazette.publication.Timestamps;

/** A reader's public profile page: who they are and what they said lately. Never their e-mail address. */
public record ProfileView(Account account, List<Comment> recentComments, ZoneId zone, Instant now) {

	public String memberSince() {
		return Timestamps.date(account.createdAt(), zone);
	}

	public String relativeTime(Comment comment) {
		return Timestamps.relative(comment.createdAt(), now, zone);
	}

	public String permalink(Comment comment) {
		return "/comments/" + comment.id();
	}
}
