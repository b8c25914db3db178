package dev.gazette.newsletter.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import dev.gazette.newsletter.Newsletter;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.support.WebSlice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code POST /api/v1/newsletter/subscriptions} as a web slice ({@link WebSlice}): what an API client is answered,
 * through the real API security chain (no session, no form token) and {@code web.ApiProblems}. {@link Newsletter} is a
 * {@code @MockitoBean} because subscribing writes a row and a mail; that the mail goes out and the link confirms is
 * {@code NewsletterTests}' subject, with GreenMail. Here: the 202, and each refusal the service can make turned into
 * the problem JSON clients read.
 */
@WebSlice
@Import(NewsletterApi.class)
class NewsletterApiSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Newsletter newsletter;

	@Test
	void aRequestIsAcceptedWith202AndHandedOnWithTheClientsAddress() throws Exception {
		mvc.perform(subscribe("{\"email\": \"reader@example.com\", \"frequency\": \"weekly\", \"sections\": [\"sea\"]}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("confirmation-sent"));

		verify(newsletter).subscribe(eq(new Newsletter.Request("reader@example.com", "weekly", List.of("sea"))),
				eq("203.0.113.9"));
	}

	@Test
	void aRefusedRequestIs400ProblemJsonNamingEachFieldAtFault() throws Exception {
		doThrow(new NewsletterProblem("The subscription has problems.",
				List.of(new FieldProblem("email", "Give an address such as name@example.com."),
						new FieldProblem("frequency", "Choose daily or weekly."))))
			.when(newsletter).subscribe(any(), anyString());

		mvc.perform(subscribe("{\"email\": \"nobody\", \"frequency\": \"hourly\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("The subscription was not accepted"))
			.andExpect(jsonPath("$.detail").value("The subscription has problems."))
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[1].field").value("frequency"))
			.andExpect(jsonPath("$.errors[1].message").value("Choose daily or weekly."));
	}

	@Test
	void tooManyRequestsFromOneClientIs429WithRetryAfterInWholeSeconds() throws Exception {
		doThrow(new Newsletter.TooManyRequests(Duration.ofMillis(90_500))).when(newsletter).subscribe(any(), anyString());

		mvc.perform(subscribe("{\"email\": \"reader@example.com\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "91"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.title").value("Too many requests"));
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedWith400BeforeTheNewsletterIsAsked() throws Exception {
		mvc.perform(subscribe("email=reader@example.com"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		verify(newsletter, never()).subscribe(any(), anyString());
	}

	@Test
	void sectionsSentAsOneNameInsteadOfAListAreNamedBeforeTheNewsletterIsAsked() throws Exception {
		mvc.perform(subscribe("{\"email\": \"reader@example.com\", \"sections\": \"sea\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.detail").value("sections has the wrong type or format."))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("sections"))
			.andExpect(jsonPath("$.errors[0].message").value("sections has the wrong type or format."));

		verify(newsletter, never()).subscribe(any(), anyString());
	}

	/** As an API client sends it: JSON, no cookie and no form token, which the API chain does not ask for. */
	private static MockHttpServletRequestBuilder subscribe(String json) {
		return post("/api/v1/newsletter/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json)
			.with(request -> {
				request.setRemoteAddr("203.0.113.9");
				return request;
			});
	}
}
