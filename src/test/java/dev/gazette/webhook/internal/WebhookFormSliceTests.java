package dev.gazette.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.gazette.account.Role;
import dev.gazette.support.WebSlice;
import dev.gazette.support.WebSlice.SignedIn;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The webhook register form ({@code POST /admin/webhooks}) as a web slice ({@link WebSlice}): each rule of
 * {@link WebhookForm} refuses with 400, its message above the form and the address and description as typed, and
 * nothing is registered; when several are broken, the page names the first, reading the form from the top.
 * {@link Webhooks} and {@link DeliveryQueue} are {@code @MockitoBean}s because they are the {@code webhook} and
 * {@code webhook_delivery} tables, and the {@link Clock} because the publication module that defines it is not in a
 * slice; registering and delivering for real is {@code WebhookTests}' subject.
 */
@WebSlice
@Import(WebhookAdminPage.class)
class WebhookFormSliceTests {

	private static final String NO_ADDRESS = "Please give the address to call.";

	private static final String TOO_LONG = "The address can be at most 2,000 characters long.";

	private static final String NOT_WEB = "The address must be an http or https URL with a host, such as https://example.com/hooks/gazette.";

	private static final String NO_EVENT = "Please choose at least one event.";

	private static final String UNKNOWN_EVENT = "Please choose events from the list.";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Webhooks webhooks;

	@MockitoBean
	DeliveryQueue queue;

	@MockitoBean
	Clock clock;

	@BeforeEach
	void now() {
		when(clock.instant()).thenReturn(Instant.parse("2018-07-22T09:00:00Z"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"''                              | Please give the address to call.",
			"'   '                           | Please give the address to call.",
			"ftp://example.com/x             | " + NOT_WEB,
			"not a url                       | " + NOT_WEB,
			"javascript:alert(1)             | " + NOT_WEB,
			"https://user:pw@example.com/    | " + NOT_WEB,
			"https://example.com/hook#part   | " + NOT_WEB,
			"/hooks/gazette                  | " + NOT_WEB })
	void anAddressThatCannotBeCalledIsRefusedWithItsReason(String url, String message) throws Exception {
		Document page = refused(register(url, "Our relay").param("event", "article.published"));

		assertThat(page.selectFirst("#webhook-error").text()).isEqualTo(message);
		assertThat(page.selectFirst("#url").attr("value")).isEqualTo(url);
		assertThat(page.selectFirst("#url").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("#description").attr("value")).isEqualTo("Our relay");
	}

	@Test
	void anAddressOverTwoThousandCharactersIsRefused() throws Exception {
		String url = "https://example.com/" + "a".repeat(1981);

		Document page = refused(register(url, "").param("event", "article.published"));

		assertThat(page.selectFirst("#webhook-error").text()).isEqualTo(TOO_LONG);
		assertThat(page.selectFirst("#url").attr("value")).isEqualTo(url);
	}

	@Test
	void noEventTickedIsRefused() throws Exception {
		assertThat(refused(register("https://example.com/hook", "")).selectFirst("#webhook-error").text())
			.isEqualTo(NO_EVENT);
	}

	@Test
	void anEventNotOnTheListIsRefused() throws Exception {
		Document page = refused(register("https://example.com/hook", "").param("event", "article.published")
			.param("event", "everything"));

		assertThat(page.selectFirst("#webhook-error").text()).isEqualTo(UNKNOWN_EVENT);
	}

	@Test
	void aDescriptionOverAHundredCharactersIsRefusedAndKept() throws Exception {
		String description = "Ş".repeat(101);

		Document page = refused(register("https://example.com/hook", description).param("event", "comment.published"));

		assertThat(page.selectFirst("#webhook-error").text())
			.isEqualTo("A description can be at most 100 characters long.");
		assertThat(page.selectFirst("#description").attr("value")).isEqualTo(description);
	}

	@Test
	void aHundredCharactersOfDescriptionCountedAsAReaderWouldArePlenty() throws Exception {
		// 100 emoji are 200 of Java's units; the description has always counted characters.
		when(webhooks.register(any(), any())).thenReturn(new Webhooks.Webhook(3, "https://example.com/hook",
				"📰".repeat(100), List.of(WebhookEvent.COMMENT_PUBLISHED), "whsec_slice", true, Instant.EPOCH));

		mvc.perform(register("https://example.com/hook", "📰".repeat(100)).param("event", "comment.published"))
			.andExpect(status().isOk());

		verify(webhooks).register(eq(new WebhookForm("https://example.com/hook", List.of("comment.published"),
				"📰".repeat(100))), eq(Instant.parse("2018-07-22T09:00:00Z")));
	}

	@Test
	void withSeveralMistakesThePageNamesTheFirstFromTheTop() throws Exception {
		// Too long and not a web address: the length is said first, as before.
		assertThat(refused(register("ftp://" + "a".repeat(2000), "d".repeat(101))).selectFirst("#webhook-error").text())
			.isEqualTo(TOO_LONG);
		assertThat(refused(register("", "d".repeat(101)).param("event", "everything")).selectFirst("#webhook-error")
			.text()).isEqualTo(NO_ADDRESS);
		assertThat(refused(register("https://example.com/hook", "d".repeat(101))).selectFirst("#webhook-error").text())
			.isEqualTo(NO_EVENT);
	}

	@Test
	void hostileTextComesBackEscaped() throws Exception {
		String url = "\"><script>alert('hook')</script>";
		String description = "<img src=x onerror=alert('hook')>";

		Document page = refused(register(url, description).param("event", "article.published"));

		assertThat(page.selectFirst("#url").attr("value")).isEqualTo(url);
		assertThat(page.selectFirst("#description").attr("value")).isEqualTo(description);
		assertThat(page.select("script:containsData(alert('hook'))")).isEmpty();
		assertThat(page.select("img[onerror]")).isEmpty();
	}

	@Test
	void aGoodFormRegistersTheHookAndShowsItsSecretOnce() throws Exception {
		when(webhooks.register(any(), any())).thenReturn(new Webhooks.Webhook(4, "https://example.com/hook", "Relay",
				List.of(WebhookEvent.ARTICLE_PUBLISHED), "whsec_shown-once", true, Instant.EPOCH));

		String body = mvc.perform(register(" https://example.com/hook ", "Relay").param("event", "article.published"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("whsec_shown-once");
		verify(webhooks).register(eq(new WebhookForm(" https://example.com/hook ", List.of("article.published"), "Relay")),
				any());
	}

	private static MockHttpServletRequestBuilder register(String url, String description) {
		return post("/admin/webhooks").param("url", url)
			.param("description", description)
			.with(SignedIn.as(9, "Ada Admin", Role.ADMIN))
			.with(csrf());
	}

	private Document refused(MockHttpServletRequestBuilder request) throws Exception {
		Document page = Jsoup.parse(mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString());
		verify(webhooks, never()).register(any(), any());
		return page;
	}
}
