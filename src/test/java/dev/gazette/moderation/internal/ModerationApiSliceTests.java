package dev.gazette.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.Role;
import dev.gazette.moderation.AuditLog;
import dev.gazette.moderation.ClassifierModels;
import dev.gazette.moderation.ModerationPipeline;
import dev.gazette.moderation.ModerationQueues;
import dev.gazette.moderation.ModerationService;
import dev.gazette.moderation.Reports;
import dev.gazette.support.WebSlice;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The moderation API's refusals as a web slice ({@link WebSlice}): who is refused (no token 401, a reader's token 403
 * for the moderators' endpoints), and bad input answered as problem JSON naming the field, whether a parameter's
 * constraint, a request record's, a field of the wrong shape or a body that is not JSON refused it; in every case the
 * pipeline and the queues are never asked. The moderation services are {@code @MockitoBean}s because each reads or
 * writes the moderation tables or scores with the classifier; the slice's {@link ApiTokens} stands in for the token
 * table. A refused decision leaving the comment held, in a whole Gazette, is {@code web.ApiRefusalsTests}'.
 */
@WebSlice
@Import(ModerationApi.class)
class ModerationApiSliceTests {

	static final String MODERATORS_TOKEN = "nilufer-s-token";

	static final String READERS_TOKEN = "rana-s-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@MockitoBean
	ModerationQueues queues;

	@MockitoBean
	ModerationService moderation;

	@MockitoBean
	Reports reports;

	@MockitoBean
	ModerationPipeline pipeline;

	@MockitoBean
	ClassifierModels models;

	@MockitoBean
	DiscussionControls discussions;

	@MockitoBean
	AuditLog audit;

	@BeforeEach
	void twoTokens() {
		when(tokens.authenticate(MODERATORS_TOKEN))
			.thenReturn(Optional.of(principal(7, "Nilüfer Aksoy", Role.MODERATOR)));
		when(tokens.authenticate(READERS_TOKEN)).thenReturn(Optional.of(principal(8, "Rana Reader")));
	}

	@Test
	void withoutATokenTheQueueAndTheScoreAre401() throws Exception {
		mvc.perform(get("/api/v1/moderation/queue").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/moderation/score").contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"hi\"}"))
			.andExpect(status().isUnauthorized());

		verifyNoInteractions(queues, pipeline);
	}

	@Test
	void aReadersTokenIsRefusedTheQueueAndADecisionWith403() throws Exception {
		mvc.perform(get("/api/v1/moderation/queue").header("Authorization", "Bearer " + READERS_TOKEN))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/comments/5/decision").header("Authorization", "Bearer " + READERS_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"approve\"}")).andExpect(status().isForbidden());

		verifyNoInteractions(queues);
		verify(moderation, never()).approve(anyLong(), anyLong());
	}

	@Test
	void aQueueParameterOutOfItsSetIsNamed() throws Exception {
		assertProblem(mvc.perform(get("/api/v1/moderation/queue?state=everything")
			.header("Authorization", "Bearer " + MODERATORS_TOKEN)), 400, "state", "state must be pending or reported");

		verify(queues, never()).view(any(), any(), anyInt(), any());
	}

	@Test
	void aFieldOfTheWrongShapeIsNamedInsteadOfTheWholeBody() throws Exception {
		assertProblem(score("{\"body\": {\"text\": \"an object where a string belongs\"}}"), 400, "body",
				"body has the wrong type or format.")
			.andExpect(jsonPath("$.detail").value("body has the wrong type or format."));

		verify(pipeline, never()).assess(anyString());
	}

	@Test
	void aBodyThatIsNotJsonAtAllIsStillAPlainProblem() throws Exception {
		String answer = score("{\"body\": ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).contains("not valid JSON").doesNotContain("Exception").doesNotContain("tools.jackson");
		verify(pipeline, never()).assess(anyString());
	}

	@Test
	void aTextTooLongToScoreIsRefusedByTheRecordsConstraint() throws Exception {
		assertProblem(score("{\"body\": \"" + "ş".repeat(10_001) + "\"}"), 400, "body",
				"body must be 1 to 10,000 characters");

		verify(pipeline, never()).assess(anyString());
	}

	private ResultActions score(String json) throws Exception {
		return mvc.perform(post("/api/v1/moderation/score").header("Authorization", "Bearer " + MODERATORS_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.characterEncoding("UTF-8")
			.content(json));
	}

	private static ResultActions assertProblem(ResultActions answer, int status, String field, String message)
			throws Exception {
		return answer.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private static AccountPrincipal principal(long id, String name, Role... roles) {
		return new AccountPrincipal(new Account(id, "person-" + id + "@example.com", name, "", Set.of(roles), true, false,
				false, false, Instant.parse("2018-01-01T00:00:00Z"), 1), "{noop}-");
	}
}
