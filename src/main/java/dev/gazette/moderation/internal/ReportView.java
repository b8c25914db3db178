package dev.gazette.moderation.internal;

import dev.gazette.article.Article;
import dev.gazette.comment.Comment;
import dev.gazette.moderation.Reports;

/** The report form, or its outcome. */
public record ReportView(Article article, Comment comment, String problem, Reports.Outcome outcome) {

	public java.util.List<Reports.Reason> reasons() {
		return java.util.List.of(Reports.Reason.values());
	}
}
