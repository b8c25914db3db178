package dev.gazette.syndication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.publication.Publication;
import dev.gazette.publication.Publications;
import dev.gazette.publication.Timestamps;
import dev.gazette.ratelimit.ClientAddresses;
import dev.gazette.ratelimit.RateLimiter;
import dev.gazette.ratelimit.RateLimiter.Charge;
import dev.gazette.ratelimit.RateLimiter.Limit;
import dev.gazette.syndication.mail.ArticleFromAFriend;
import dev.gazette.syndication.internal.EmailAFriendProperties;
import dev.gazette.syndication.internal.FriendRequest;
import dev.gazette.syndication.internal.SiteAddresses;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * “Email a copy of this article to a friend”: one message to each address a reader gives, with the headline,
 * standfirst, byline, lead image and a link, the sender's name and their plain-text note. All the messages are
 * written to the outbox in one transaction, so either every friend gets one or nobody does; a request that is
 * wrong in any way, or over a limit, sends nothing.
 */
@Service
public class EmailAFriend {

	static final String CATEGORY = "email-a-friend";

	private final ArticleCatalog catalog;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final SiteAddresses addresses;

	private final RateLimiter limiter;

	/** Messages (one per recipient) per client, per signed-in account and per recipient. */
	private final Limit perClient;

	private final Limit perAccount;

	private final Limit perRecipient;

	EmailAFriend(ArticleCatalog catalog, Mailer mailer, MailTemplates templates, Publications publications,
			SiteAddresses addresses, RateLimiter limiter, EmailAFriendProperties properties) {
		this.catalog = catalog;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.addresses = addresses;
		this.limiter = limiter;
		this.perClient = new Limit("friend", properties.perAddress(), properties.period());
		this.perAccount = new Limit("friend-account", properties.perAccount(), properties.period());
		this.perRecipient = new Limit("friend-recipient", properties.perRecipient(), properties.period());
	}

	/** One message per recipient from every bucket that applies; all are taken or none. */
	private List<Charge> charges(Sender sender, List<String> recipients) {
		List<Charge> charges = new ArrayList<>();
		charges.add(new Charge(perClient, ClientAddresses.client(sender.clientAddress()), recipients.size()));
		if (sender.accountId() != null) {
			charges.add(new Charge(perAccount, sender.accountId().toString(), recipients.size()));
		}
		for (String recipient : recipients) {
			charges.add(new Charge(perRecipient, recipient.toLowerCase(Locale.ROOT), 1));
		}
		return charges;
	}

	/** Who asks: the client's address, and their account when signed in ({@code null} for a guest). */
	public record Sender(String clientAddress, Long accountId) {
	}

	/**
	 * Sends the article to every recipient.
	 * @throws FriendRequest.Refused when a field is wrong (nothing is sent)
	 * @throws Throttled when the sender, their account or a recipient has had too many of these lately
	 */
	@Transactional
	public List<String> send(Article article, FriendRequest request, Sender sender) {
		Duration wait = limiter.tryAcquireAll(charges(sender, request.recipients()));
		if (!wait.isZero()) {
			throw new Throttled(wait);
		}
		MailTemplates.Rendered message = templates.render(message(article, request, sender.accountId() != null));
		for (String recipient : request.recipients()) {
			mailer.send(message.to(recipient, CATEGORY));
		}
		return request.recipients();
	}

	public Optional<Article> article(String slug) {
		return catalog.find(slug);
	}

	private ArticleFromAFriend message(Article article, FriendRequest request, boolean signedIn) {
		Publication publication = publications.current();
		return new ArticleFromAFriend(oneLine(publication.name()), request.senderName(), signedIn,
				request.note() == null ? List.of() : List.of(request.note().split("\n", -1)),
				oneLine(article.headline()), article.standfirst(),
				String.join(" and ", article.authors().stream().map(Author::displayName).toList()),
				Timestamps.articleTime(article.publishedAt(), publication.timeZone()), addresses.article(article.slug()),
				article.leadImage() == null ? null
						: MailImage.of(addresses.absolute(article.leadImage().url()), article.leadImage()));
	}

	/** A headline or name on one line, as a subject line must be. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\s\\p{Cc}]+", " ").strip();
	}

	/** The sender (or their account, or a recipient) has reached a limit; {@code retryAfter} says for how long. */
	public static final class Throttled extends RuntimeException {

		private final transient Duration retryAfter;

		public Throttled(Duration retryAfter) {
			super("Too many articles e-mailed; try again in " + retryAfter);
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}
}
