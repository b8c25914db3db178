package dev.gazette.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.gazette.account.Role;
import dev.gazette.support.WebSlice;
import dev.gazette.support.WebSlice.SignedIn;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admins' jobs page ({@code /admin/jobs}) as a web slice ({@link WebSlice}): who may open it and ask for a retry,
 * under the real security chain and {@code @PreAuthorize}; what it shows of the rows it is given (dead and stuck
 * lines, the error escaped, a retry form for dead ones only); and where a retry sends the admin. {@link JobTable} and
 * {@link JobWorker} are {@code @MockitoBean}s because they read and write the {@code job} table and run handlers; the
 * queue's own rules are {@link JobsModuleTests}' (a module test on a real database), and a dead job listed and then
 * retried from the page in a whole Gazette is {@code JobQueueTests}'.
 */
@WebSlice
@Import({ JobsAdminPage.class, JobsPageSliceTests.FixedClock.class })
class JobsPageSliceTests {

	static final Instant NOW = Instant.parse("2018-07-22T09:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	JobTable table;

	@MockitoBean
	JobWorker worker;

	@Test
	void aGuestIsSentToSignInFirst() throws Exception {
		mvc.perform(get("/admin/jobs")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));

		verify(table, never()).troubled(any(), anyInt());
	}

	@Test
	void readersAndModeratorsAreRefusedThePageAndTheRetryEvenWithTheFormToken() throws Exception {
		for (var who : List.of(SignedIn.as(1, "Rana Reader"), SignedIn.as(2, "Mo Moderator", Role.MODERATOR))) {
			mvc.perform(get("/admin/jobs").with(who)).andExpect(status().isForbidden());
			mvc.perform(post("/admin/jobs/1/retry").with(who).with(csrf())).andExpect(status().isForbidden());
		}

		verify(table, never()).troubled(any(), anyInt());
		verify(table, never()).revive(anyLong(), any());
	}

	@Test
	void anAdminSeesEachKindAndTheDeadAndStuckJobsWithTheirErrors() throws Exception {
		when(table.counts()).thenReturn(List.of(new JobTable.Count("mail.send", "done", 7),
				new JobTable.Count("mail.send", "dead", 1), new JobTable.Count("webhook.call", "running", 1)));
		when(table.troubled(NOW, 200)).thenReturn(List.of(
				row(41, "mail.send", "dead", null, "SMTP said <b>no</b>"),
				row(42, "webhook.call", "running", "node-b", null)));

		String body = mvc.perform(get("/admin/jobs").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name("jobs/admin"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(body);
		assertThat(page.select("main h1").text()).isEqualTo("Jobs");
		assertThat(page.select("tr.job-kind").eachAttr("data-kind")).containsExactly("mail.send", "webhook.call");
		assertThat(page.select("tr.job-kind[data-kind=mail.send] td").eachText())
			.containsExactly("mail.send", "0", "0", "7", "1");
		Element dead = page.selectFirst("tr#job-41");
		assertThat(dead.selectFirst(".job-state").text()).isEqualTo("dead");
		assertThat(dead.selectFirst(".job-error").text()).isEqualTo("SMTP said <b>no</b>");
		assertThat(dead.select(".job-error b")).as("the error is escaped").isEmpty();
		assertThat(dead.select("form[action=/admin/jobs/41/retry] input[name=_csrf]").val()).isNotBlank();
		Element stuck = page.selectFirst("tr#job-42");
		assertThat(stuck.selectFirst(".job-state").text()).isEqualTo("stuck (claimed by node-b)");
		assertThat(stuck.select("form")).as("a stuck job is taken up by the next poll, not retried by hand").isEmpty();
	}

	@Test
	void anAdminsRetryRevivesTheJobWakesItsKindAndSaysSo() throws Exception {
		when(table.find(41)).thenReturn(Optional.of(row(41, "mail.send", "dead", null, "SMTP said no")));
		when(table.revive(41, NOW)).thenReturn(true);

		mvc.perform(post("/admin/jobs/41/retry").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/jobs?retried=41"));

		verify(worker).wake("mail.send");
		String page = mvc.perform(get("/admin/jobs?retried=41").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("p[role=status]").text()).isEqualTo("Job 41 is due again.");
	}

	@Test
	void aRetryOfAnUnknownJobIsNotFoundAndOneWithoutTheFormTokenIsRefused() throws Exception {
		mvc.perform(post("/admin/jobs/404404/retry").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/jobs/41/retry").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)))
			.andExpect(status().isForbidden());

		verify(table, never()).revive(anyLong(), any());
		verify(worker, never()).wake(anyString());
	}

	private static JobTable.Row row(long id, String kind, String state, String claimedBy, String error) {
		return new JobTable.Row(id, kind, "key-" + id, "{}", state, 3, NOW.minusSeconds(3600), NOW.minusSeconds(60),
				claimedBy, claimedBy == null ? null : NOW.minusSeconds(1), error, null);
	}
}
