package dev.gazette.syndication.mail;

import java.util.List;

import dev.gazette.mail.MailMessage;
import dev.gazette.syndication.MailImage;

/**
 * An article a reader sent to a friend's address, with their note (as lines) and the lead image if any. Its templates:
 * {@code syndication/mail/article-from-a-friend.jte} in {@code src/main/jte-text} and {@code src/main/jte}.
 */
public record ArticleFromAFriend(String site, String senderName, boolean signedIn, List<String> noteLines,
		String headline, String standfirst, String byline, String published, String link, MailImage image)
		implements MailMessage {

	@Override
	public String template() {
		return "syndication/mail/article-from-a-friend";
	}
}
