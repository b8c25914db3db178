package dev.gazette.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;

import dev.gazette.account.Role;
import dev.gazette.moderation.WordLists;
import dev.gazette.support.WebSlice;
import dev.gazette.support.WebSlice.SignedIn;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The admins' word lists page ({@code /admin/moderation/words}) as a web slice ({@link WebSlice}): who may open it and
 * post to it under the real security chain and {@code @PreAuthorize}, what it shows, and the form token it asks of a
 * signed-in browser. {@link WordLists} is a {@code @MockitoBean} because it reads and writes the
 * {@code moderation_word} table; how listed words hold and reject comments is {@code ModeratingCommentsTests}'
 * subject, in the shared Gazette.
 */
@WebSlice
@Import(WordPages.class)
class WordListsPageSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	WordLists words;

	@Test
	void aGuestIsSentToSignInFirst() throws Exception {
		mvc.perform(get("/admin/moderation/words")).andExpect(status().isFound())
			.andExpect(redirectedUrl("/sign-in"));

		verify(words, never()).all();
	}

	@Test
	void readersAndModeratorsAreRefusedWith403() throws Exception {
		mvc.perform(get("/admin/moderation/words").with(SignedIn.as(1, "Rana Reader"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/moderation/words").with(SignedIn.as(2, "Mo Moderator", Role.MODERATOR)))
			.andExpect(status().isForbidden());

		verify(words, never()).all();
	}

	@Test
	void anAdminSeesEveryListedPhraseWithItsListAndAFormWithItsToken() throws Exception {
		when(words.all()).thenReturn(List.of(new WordLists.Entry(11, "idiot", WordLists.Kind.BANNED, List.of("idiot")),
				new WordLists.Entry(12, "<b>fool</b>", WordLists.Kind.SUSPECT, List.of("fool"))));

		MvcResult result = mvc.perform(get("/admin/moderation/words").with(SignedIn.as(3, "Ani Admin", Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name("moderation/words"))
			.andReturn();

		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("main h1").text()).isEqualTo("Word lists");
		assertThat(page.select("table.words tbody tr td:eq(0)").eachText()).containsExactly("idiot", "<b>fool</b>");
		assertThat(page.select("table.words tbody tr td:eq(1)").eachText()).containsExactly("banned", "suspect");
		assertThat(page.select("table.words b")).as("the phrase is escaped").isEmpty();
		assertThat(page.select("form[action=/admin/moderation/words] input[name=_csrf]").val()).isNotBlank();
	}

	@Test
	void anAdminsPostWithoutTheFormTokenIsRefusedAndNothingIsAdded() throws Exception {
		mvc.perform(post("/admin/moderation/words").param("phrase", "nitwit").param("kind", "banned")
			.with(SignedIn.as(3, "Ani Admin", Role.ADMIN))).andExpect(status().isForbidden());

		verify(words, never()).add(anyString(), any());
	}

	@Test
	void anAdminAddsAPhraseAndIsSentBackToTheListSayingSo() throws Exception {
		mvc.perform(post("/admin/moderation/words").param("phrase", " nitwit ").param("kind", "banned")
			.with(SignedIn.as(3, "Ani Admin", Role.ADMIN)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/moderation/words?done=Added+%E2%80%9Cnitwit%E2%80%9D."));

		verify(words).add(" nitwit ", WordLists.Kind.BANNED);
	}

	@Test
	void aPhraseTheListRefusesComesBackAsTheMessage() throws Exception {
		doThrow(new IllegalArgumentException("Give a word or phrase of 1 to 200 characters.")).when(words)
			.add(anyString(), any());

		mvc.perform(post("/admin/moderation/words").param("phrase", "   ").param("kind", "suspect")
			.with(SignedIn.as(3, "Ani Admin", Role.ADMIN)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/moderation/words?done=Give+a+word+or+phrase+of+1+to+200+characters."));
	}

	@Test
	void aListThatDoesNotExistIsRefusedInWordsAndNothingIsAdded() throws Exception {
		mvc.perform(post("/admin/moderation/words").param("phrase", "nitwit").param("kind", "Dev.Gazette")
			.with(SignedIn.as(3, "Ani Admin", Role.ADMIN)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(
					"/admin/moderation/words?done=A+word+goes+on+the+banned+list+or+the+suspect+list."));

		verify(words, never()).add(anyString(), any());
	}

	@Test
	void aReadersPostIsRefusedEvenWithTheToken() throws Exception {
		mvc.perform(post("/admin/moderation/words").param("phrase", "nitwit")
			.with(SignedIn.as(1, "Rana Reader")).with(csrf())).andExpect(status().isForbidden());

		verify(words, never()).add(anyString(), any());
	}
}
