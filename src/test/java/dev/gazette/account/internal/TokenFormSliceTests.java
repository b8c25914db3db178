package dev.gazette.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.Passwords;
import dev.gazette.account.Profiles;
import dev.gazette.account.Role;
import dev.gazette.support.WebSlice;
import dev.gazette.support.WebSlice.SignedIn;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The settings page's token form ({@code POST /settings/tokens}) as a web slice ({@link WebSlice}): a name the form's
 * constraints refuse brings the settings page back with 400, the form's message, the field's message and the name as
 * typed, and no token is made. {@link Accounts}, {@link Profiles}, {@link Passwords}, {@link YourData} and
 * {@link AccountImages} are {@code @MockitoBean}s because the settings page reads the account and its token list from
 * the database; the slice's {@link ApiTokens} stands in for the token table. A token made and used for real is
 * {@code AccountApiTests}' subject, in the shared Gazette.
 */
@WebSlice
@Import(SettingsPages.class)
class TokenFormSliceTests {

	private static final long READER = 77;

	private static final String FORM_MESSAGE = "Please name the token (up to 100 characters), e.g. the app that uses it.";

	private static final String FIELD_MESSAGE = "Give the token a name of 1 to 100 characters.";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	Profiles profiles;

	@MockitoBean
	Passwords passwords;

	@MockitoBean
	YourData yourData;

	@MockitoBean
	AccountImages images;

	@BeforeEach
	void theReadersAccount() {
		when(accounts.find(READER)).thenReturn(Optional.of(new Account(READER, "tomas@example.com", "Tomás Token", "",
				Set.of(Role.READER), true, false, false, false, Instant.parse("2018-01-01T00:00:00Z"), 1)));
	}

	@Test
	void aNameOfSpacesIsRefusedWithTheFieldMarkedAndNoTokenIsMade() throws Exception {
		Document page = refused("   ");

		assertThat(page.selectFirst("#name-error").text()).isEqualTo(FIELD_MESSAGE);
		assertThat(page.selectFirst("#name").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("#name").attr("value")).isEqualTo("   ");
	}

	@Test
	void aMissingNameIsRefusedTheSameWay() throws Exception {
		MvcResult result = mvc.perform(post("/settings/tokens").with(SignedIn.as(READER, "Tomás Token")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn();

		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).selectFirst("#name-error").text())
			.isEqualTo(FIELD_MESSAGE);
		verify(tokens, never()).create(anyLong(), anyString());
	}

	@Test
	void wideSpacesAloneAreNoNameEither() throws Exception {
		// U+3000 and an em space are white space to String.strip (what is stored), not to String.trim.
		assertThat(refused("\u3000\u2003").selectFirst("#name-error").text()).isEqualTo(FIELD_MESSAGE);
	}

	@Test
	void aNameOverAHundredCharactersIsRefusedAndKeptAsTyped() throws Exception {
		String typed = "Reader app " + "n".repeat(90);

		Document page = refused(typed);

		assertThat(page.selectFirst("#name-error").text()).isEqualTo(FIELD_MESSAGE);
		assertThat(page.selectFirst("#name").attr("value")).isEqualTo(typed);
	}

	@Test
	void fiftyOneEmojiAreTooLongAsTheyWereBefore() throws Exception {
		// The token name has always been counted in Java's units: each of these is two.
		assertThat(refused("📰".repeat(51)).selectFirst("#name-error").text()).isEqualTo(FIELD_MESSAGE);
	}

	@Test
	void hostileTextComesBackEscapedInTheField() throws Exception {
		String typed = "\"><script>alert('token')</script>" + "x".repeat(100);

		Document page = refused(typed);

		assertThat(page.selectFirst("#name").attr("value")).isEqualTo(typed);
		assertThat(page.select("script:containsData(alert('token'))")).isEmpty();
	}

	@Test
	void aHundredCharactersWithSpacesAroundThemMakeAToken() throws Exception {
		String typed = "  " + "n".repeat(100) + "  ";
		when(tokens.create(READER, typed)).thenReturn(new ApiTokens.NewToken(
				new ApiTokens.TokenInfo(5, "n".repeat(100), Instant.parse("2018-01-01T00:00:00Z"), null), "gz_made-here"));

		MvcResult result = mvc.perform(post("/settings/tokens").param("name", typed)
			.with(SignedIn.as(READER, "Tomás Token")).with(csrf())).andExpect(status().isOk()).andReturn();

		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).selectFirst("code.token").text())
			.isEqualTo("gz_made-here");
		verify(tokens).create(eq(READER), eq(typed));
	}

	private Document refused(String name) throws Exception {
		MvcResult result = mvc.perform(post("/settings/tokens").param("name", name)
			.with(SignedIn.as(READER, "Tomás Token")).with(csrf())).andExpect(status().isBadRequest()).andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		Element form = page.selectFirst("form[action=/settings/tokens]");
		assertThat(form.selectFirst(".form-error").text()).isEqualTo(FORM_MESSAGE);
		assertThat(page.selectFirst("code.token")).isNull();
		verify(tokens, never()).create(anyLong(), anyString());
		return page;
	}
}
