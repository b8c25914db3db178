package dev.gazette.comment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountEvents.AccountDeleted;
import dev.gazette.account.AccountEvents.AccountRenamed;
import dev.gazette.account.PersonalData;
import dev.gazette.comment.Comment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the discussion does when something happens to a commenter's account: a new display name shows under all
 * their comments; a deleted account's comments lose their text (or go entirely, where they have no replies, when
 * the owner asked); and their comments are part of "download your data".
 */
@Component
class CommentersAccounts implements PersonalData {

	private final CommentRepository repository;

	private final DiscussionRows discussionRows;

	CommentersAccounts(CommentRepository repository, DiscussionRows discussionRows) {
		this.repository = repository;
		this.discussionRows = discussionRows;
	}

	@ApplicationModuleListener
	void on(AccountRenamed renamed) {
		// The discussions' row locks before the comments', as every change to an existing comment takes them. A
		// rename is not recorded per comment: each discussion is rebuilt from every comment on its next read.
		repository.articlesOf(renamed.accountId()).forEach(article -> discussionRows.touch(article, 0));
		repository.rename(renamed.accountId(), renamed.displayName());
	}

	@ApplicationModuleListener
	void on(AccountDeleted deleted) {
		forget(deleted.accountId(), deleted.removeContributions());
	}

	/** Youngest first, so removing a reply can leave its parent without replies, and removable in turn. */
	@Transactional
	void forget(long accountId, boolean removeEntirely) {
		List<Comment> comments = repository.byAccount(accountId);
		for (int i = comments.size() - 1; i >= 0; i--) {
			Comment comment = comments.get(i);
			int delta = comment.isPublished() ? -1 : 0;
			if (removeEntirely && !repository.hasReplies(comment.id())) {
				// A row that is gone cannot be read as changed: the discussion is rebuilt from every comment.
				discussionRows.touch(comment.articleId(), delta);
				repository.deleteRow(comment.id());
			}
			else {
				discussionRows.touch(comment.articleId(), delta, comment.id());
				repository.markDeleted(comment.id());
			}
		}
		repository.rename(accountId, "[deleted]");
	}

	@Override
	public String section() {
		return "comments";
	}

	@Override
	public Object export(long accountId) {
		return repository.byAccount(accountId).stream().map(comment -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", comment.id());
			row.put("articleId", comment.articleId());
			row.put("parentId", comment.parentId());
			row.put("status", comment.status().key());
			row.put("createdAt", comment.createdAt().toString());
			row.put("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
			row.put("body", comment.body());
			return row;
		}).toList();
	}
}
