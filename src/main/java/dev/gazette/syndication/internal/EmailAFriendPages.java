package dev.gazette.syndication.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.gazette.account.AccountPrincipal;
import dev.gazette.article.Article;
import dev.gazette.syndication.EmailAFriend;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The “email a copy to a friend” page of every article: a plain form (no script needed), then a page saying to
 * whom it went. A mistake brings the form back with what was typed and each problem marked (400); too many
 * messages in a short time bring it back with a 429 and when to try again. An unknown article is a 404.
 */
@Controller
public class EmailAFriendPages {

	private final EmailAFriend emailAFriend;

	public EmailAFriendPages(EmailAFriend emailAFriend) {
		this.emailAFriend = emailAFriend;
	}

	@GetMapping("/articles/{slug}/email")
	public String form(@PathVariable String slug, @AuthenticationPrincipal AccountPrincipal viewer, Model model) {
		Article article = emailAFriend.article(slug).orElseThrow(FeedPages::notFound);
		model.addAttribute("form",
				EmailFormView.of(article, "", viewer == null ? "" : viewer.displayName(), "", Map.of(), null));
		return "syndication/email-form";
	}

	@PostMapping("/articles/{slug}/email")
	public String send(@PathVariable String slug, @RequestParam(required = false) String to,
			@RequestParam(required = false) String name, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AccountPrincipal viewer, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Article article = emailAFriend.article(slug).orElseThrow(FeedPages::notFound);
		try {
			FriendRequest friends = FriendRequest.of(to, name, note);
			List<String> sent = emailAFriend.send(article, friends,
					new EmailAFriend.Sender(request.getRemoteAddr(), viewer == null ? null : viewer.id()));
			model.addAttribute("sent", new EmailSentView(article.slug(), article.headline(), sent));
			return "syndication/email-sent";
		}
		catch (FriendRequest.Refused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", EmailFormView.of(article, to, name, note, refused.errors(),
					"Nothing was sent. Please correct the marked " + (refused.errors().size() == 1 ? "field." : "fields.")));
		}
		catch (EmailAFriend.Throttled throttled) {
			long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
			model.addAttribute("form", EmailFormView.of(article, to, name, note, Map.of(),
					"Nothing was sent: too many articles have been e-mailed from here, or to one of these addresses, "
							+ "in a short time. Please try again in " + (minutes == 1 ? "a minute." : minutes + " minutes.")));
		}
		return "syndication/email-form";
	}
}
