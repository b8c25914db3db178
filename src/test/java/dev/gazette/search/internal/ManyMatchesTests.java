package dev.gazette.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.SearchableArticle;
import dev.gazette.article.Section;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.SearchableComment;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.search.ArticleHits;
import dev.gazette.search.ArticleQuery;
import dev.gazette.search.CommentHits;
import dev.gazette.search.CommentQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word in more pieces than a reader can page through: the engine stops counting at the last page that can be asked
 * for and says so, every page up to it is still there, and a small result is still counted exactly. Snippets come
 * from the body's stored lead.
 */
class ManyMatchesTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path dir;

	LuceneSearchEngine engine;

	@BeforeEach
	void open() {
		engine = new LuceneSearchEngine(new GazetteProperties(dir, false, "http://localhost", null));
	}

	@AfterEach
	void close() {
		engine.close();
	}

	private static SearchableArticle article(long id, String headline, String standfirst, String body) {
		return new SearchableArticle(id, "piece-" + id, headline, standfirst, body, ArticleKind.NEWS,
				ArticleState.PUBLISHED, new Section(1, "port", "Port", null),
				List.of(new Author(1, "ayla", "Ayla Demir", null, null, null)), List.of(),
				NOW.minusSeconds(3_600L * id));
	}

	private static ArticleQuery query(String text, ArticleQuery.Order order, int page) {
		return new ArticleQuery(text, null, null, null, null, null, null, order, page, 10);
	}

	@Test
	void overAThousandMatchesAreCountedAsMoreThanAThousandAndEveryPageIsThere() {
		List<SearchableArticle> pieces = new ArrayList<>();
		for (long id = 1; id <= 1_205; id++) {
			pieces.add(article(id, "Harbour piece " + id, "On the harbour.", "The harbour was busy " + id + " times."));
		}
		pieces.add(article(5_000, "Lighthouse keeper retires", "After forty years.", "The lighthouse goes dark."));
		engine.put(pieces, List.of());
		engine.commit(1);

		for (ArticleQuery.Order order : ArticleQuery.Order.values()) {
			ArticleHits first = engine.search(query("harbour", order, 1), NOW);
			assertThat(first.totalIsLowerBound()).as(order.name()).isTrue();
			assertThat(first.total()).isEqualTo(1_000);
			assertThat(first.pages()).isEqualTo(100);
			ArticleHits last = engine.search(query("harbour", order, 100), NOW);
			assertThat(last.items()).as(order.name()).hasSize(10);
		}
		// Newest first: the hundredth page holds the thousandth newest.
		assertThat(engine.search(query("harbour", ArticleQuery.Order.DATE, 100), NOW).items().get(9).headline())
			.isEqualTo("Harbour piece 1000");

		ArticleHits one = engine.search(query("lighthouse", ArticleQuery.Order.RELEVANCE, 1), NOW);
		assertThat(one.totalIsLowerBound()).isFalse();
		assertThat(one.total()).isEqualTo(1);
	}

	@Test
	void aThousandMatchesExactlyAreCountedExactly() {
		List<SearchableArticle> pieces = new ArrayList<>();
		for (long id = 1; id <= 1_000; id++) {
			pieces.add(article(id, "Ferry piece " + id, "On the ferry.", "The ferry ran."));
		}
		engine.put(pieces, List.of());
		engine.commit(1);

		ArticleHits hits = engine.search(query("ferry", ArticleQuery.Order.RELEVANCE, 1), NOW);
		assertThat(hits.totalIsLowerBound()).isFalse();
		assertThat(hits.total()).isEqualTo(1_000);
	}

	@Test
	void moderatorsSeeMoreThanAThousandCommentsTheSameWay() {
		List<SearchableComment> comments = new ArrayList<>();
		for (long id = 1; id <= 1_100; id++) {
			comments.add(new SearchableComment(id, 1, "piece-1", "Piece", null, "Reader " + id, "r" + id + "@example.org",
					"The ferry was late again", CommentStatus.PUBLISHED, NOW.minusSeconds(id)));
		}
		engine.putComments(comments, List.of(), List.of());
		engine.commit(1);

		CommentHits hits = engine.searchComments(new CommentQuery("ferry", Set.of(), null, null, null, Set.of(), null,
				null, ArticleQuery.Order.DATE, 1, 10));
		assertThat(hits.totalIsLowerBound()).isTrue();
		assertThat(hits.total()).isEqualTo(1_000);
		assertThat(hits.items()).hasSize(10);
	}

	@Test
	void snippetsMarkTheWordsInTheBodysLeadAndFallBackToTheStandfirstBeyondIt() {
		String filler = "The council met and talked about the budget for a long while. ".repeat(60);
		assertThat(filler.length()).isGreaterThan(SearchDocuments.BODY_LEAD);
		engine.put(List.of(article(1, "Early mention", "A note on boats.", "The lighthouse opened. " + filler),
				article(2, "Late mention", "The lighthouse, in short.", filler + " The lighthouse closed."),
				article(3, "Late only", "Nothing here.", filler + " The lighthouse again.")), List.of());
		engine.commit(1);

		List<ArticleHits.Hit> hits = engine.search(query("lighthouse", ArticleQuery.Order.RELEVANCE, 1), NOW).items();
		assertThat(hits).extracting(ArticleHits.Hit::headline)
			.containsExactlyInAnyOrder("Early mention", "Late mention", "Late only");
		assertThat(snippet(hits, "Early mention")).contains("<mark>lighthouse</mark> opened");
		assertThat(snippet(hits, "Late mention")).isEqualTo("The <mark>lighthouse</mark>, in short.");
		assertThat(snippet(hits, "Late only")).startsWith("The council met").doesNotContain("<mark>");
	}

	@Test
	void theLeadNeverSplitsACharacterOutsideTheBasicPlane() {
		String body = "a".repeat(SearchDocuments.BODY_LEAD - 1) + "🎉 and more";

		assertThat(SearchDocuments.lead(body)).isEqualTo("a".repeat(SearchDocuments.BODY_LEAD - 1));
		assertThat(SearchDocuments.lead("short")).isEqualTo("short");
	}

	private static String snippet(List<ArticleHits.Hit> hits, String headline) {
		return hits.stream().filter(hit -> hit.headline().equals(headline)).findFirst().orElseThrow().snippetHtml();
	}
}
