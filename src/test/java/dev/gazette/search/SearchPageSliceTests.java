package dev.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;

import dev.gazette.support.WebSlice;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The readers' search page and API as a web slice ({@link WebSlice}): what they answer for good and bad input, with
 * Gazette's security chain in front. {@link ReaderSearch} is a {@code @MockitoBean} because the real one needs the
 * Lucene index and the database behind it; what it finds is {@code SearchingArticlesTests}' subject, in the shared
 * Gazette. Here the page's own work is checked: which input is refused and how, the heading that counts the hits,
 * escaping, and that a refused query never reaches the index.
 */
@WebSlice
@Import({ SearchPages.class, SearchApi.class })
class SearchPageSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReaderSearch search;

	@Test
	void aSearchShowsItsHitsUnderAHeadingThatCountsThemWithTheHeadlineEscaped() throws Exception {
		when(search.search(any())).thenReturn(oneHit("Harbour <script>alert(1)</script> wall"));

		MvcResult result = mvc.perform(get("/search").param("q", "harbour"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/results"))
			.andReturn();

		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("main h1").text()).isEqualTo("Search");
		assertThat(page.select("#results-heading").text()).isEqualTo("1 article found");
		assertThat(page.select(".hit h3 a").attr("href")).isEqualTo("/articles/harbour-wall");
		assertThat(page.select(".hit h3 a").text()).isEqualTo("Harbour <script>alert(1)</script> wall");
		assertThat(page.select(".hit script")).isEmpty();
		assertThat(page.select("#search-q").val()).isEqualTo("harbour");
	}

	@Test
	void aBadDateIsRefusedWith400NamingTheFieldAndNothingIsSearched() throws Exception {
		MvcResult result = mvc.perform(get("/search").param("q", "harbour").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("search/results"))
			.andReturn();

		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#search-problem").text()).contains("'from'");
		assertThat(page.select("#search-from").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#results-heading")).isEmpty();
		verify(search, never()).search(any());
	}

	@Test
	void thePageIsFramedByTheLayoutWithThePublicationsNameAndTheSecurityChainsHeaders() throws Exception {
		MvcResult result = mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();

		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.title()).isEqualTo("Search — " + WebSlice.PUBLICATION.name());
		verify(search, never()).search(any());
	}

	@Test
	void theApiAnswersTheHitsAsJson() throws Exception {
		when(search.search(any())).thenReturn(oneHit("Harbour wall"));

		mvc.perform(get("/api/v1/search").param("q", "harbour").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.totalIsLowerBound").value(false))
			.andExpect(jsonPath("$.items[0].slug").value("harbour-wall"))
			.andExpect(jsonPath("$.items[0].headline").value("Harbour wall"));
	}

	@Test
	void theApiRefusesAQueryWithNeitherWordsNorFilterWithProblemJsonNamingQ() throws Exception {
		mvc.perform(get("/api/v1/search").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].message").value("Give q, or at least one filter."));
		verify(search, never()).search(any());
	}

	@Test
	void theApiRefusesAnUnknownKindNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/search").param("q", "x").param("kind", "gossip").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
	}

	private static ArticleHits oneHit(String headline) {
		return new ArticleHits(List.of(new ArticleHits.Hit(7, "harbour-wall", headline, "Three summers of work.",
				"The <mark>harbour</mark> wall", "news", null, null, List.of("Dana Reporter"),
				Instant.parse("2018-07-20T08:00:00Z"))), 1, false, 1, 10, null);
	}
}
