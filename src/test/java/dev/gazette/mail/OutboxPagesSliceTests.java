package dev.gazette.mail;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;

import dev.gazette.account.Role;
import dev.gazette.support.WebSlice;
import dev.gazette.support.WebSlice.SignedIn;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outbox pages ({@code /admin/outbox}) as a web slice ({@link WebSlice}): who may read them, under the real
 * security chain and the controller's {@code @PreAuthorize}, and which addresses are not found (an unknown mail, a page
 * number below one or past the last mail). The {@link Outbox} is a {@code @MockitoBean} because it reads the
 * {@code mail} table, and so is the {@link Mailer}, which would start delivery; the page's view is the real
 * {@code OutboxViews}. What the outbox shows of mail that was really sent, and its paging over real rows, is
 * {@code OutboxPageTests}' (shared Gazette).
 */
@WebSlice
@Import({ OutboxPages.class, OutboxViews.class })
class OutboxPagesSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Outbox outbox;

	@MockitoBean
	Mailer mailer;

	@Test
	void aGuestIsSentToSignInFirst() throws Exception {
		mvc.perform(get("/admin/outbox")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/admin/outbox/1")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));

		verify(outbox, never()).newest(anyInt(), anyInt());
		verify(outbox, never()).find(anyLong());
	}

	@Test
	void onlyAdminsReadTheOutbox() throws Exception {
		for (var who : List.of(SignedIn.as(1, "Rana Reader"), SignedIn.as(2, "Not Admin", Role.MODERATOR),
				SignedIn.as(3, "Eda Editor", Role.EDITOR))) {
			mvc.perform(get("/admin/outbox").with(who)).andExpect(status().isForbidden());
			mvc.perform(get("/admin/outbox/1").with(who)).andExpect(status().isForbidden());
		}

		verify(outbox, never()).newest(anyInt(), anyInt());
		verify(outbox, never()).find(anyLong());
	}

	@Test
	void anAdminReadsTheOutboxUncached() throws Exception {
		when(outbox.count()).thenReturn(0L);

		mvc.perform(get("/admin/outbox").with(SignedIn.as(4, "Outbox Admin", Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name("mail/outbox"))
			.andExpect(header().string("Cache-Control", "no-store"));
	}

	@Test
	void anUnknownMailOrPageIsNotFound() throws Exception {
		when(outbox.find(987654321)).thenReturn(Optional.empty());
		when(outbox.count()).thenReturn(51L);
		var admin = SignedIn.as(4, "Outbox Admin", Role.ADMIN);

		mvc.perform(get("/admin/outbox/987654321").with(admin)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox?page=0").with(admin)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox?page=100000").with(admin)).andExpect(status().isNotFound());
		// 51 mails fill two pages of fifty.
		mvc.perform(get("/admin/outbox?page=3").with(admin)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/outbox?page=2").with(admin)).andExpect(status().isOk());
	}
}
