package dev.gazette.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.SearchableArticle;
import dev.gazette.article.Section;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.search.ArticleHits;
import dev.gazette.search.ArticleQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change applied after a post promises: the next search finds it at once, but only a commit makes it durable.
 * A node that stops without committing (a crash, a kill) opens its index at the last committed feed position, so the
 * indexer applies the rows after it again; nothing applied and committed is lost, and nothing is taken as applied
 * that was not.
 */
class IndexDurabilityTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	@TempDir
	Path dir;

	private LuceneSearchEngine open() {
		return new LuceneSearchEngine(new GazetteProperties(dir, false, "http://localhost", null));
	}

	private static SearchableArticle piece(long id, String headline) {
		return new SearchableArticle(id, "piece-" + id, headline, "Standfirst " + id, "Body of piece " + id + ".",
				ArticleKind.NEWS, ArticleState.PUBLISHED, new Section(1, "port", "Port", null),
				List.of(new Author(1, "oguz", "Oğuz Türk", null, null, null)), List.of(), NOW.minusSeconds(60 * id));
	}

	private static List<String> headlines(LuceneSearchEngine engine, String words) {
		ArticleHits hits = engine.search(
				new ArticleQuery(words, null, null, null, null, null, null, ArticleQuery.Order.DATE, 1, 10), NOW);
		return hits.items().stream().map(ArticleHits.Hit::headline).toList();
	}

	@Test
	void aReachedChangeIsFoundByTheNextSearchAndIsDurableOnlyAfterACommit() {
		LuceneSearchEngine engine = open();
		engine.put(List.of(piece(1, "Harbour reopens")), List.of());
		engine.commit(10);
		engine.put(List.of(piece(2, "Harbour strike ends")), List.of());
		engine.reached(11);

		assertThat(headlines(engine, "harbour")).containsExactly("Harbour reopens", "Harbour strike ends");
		assertThat(engine.appliedThrough()).isEqualTo(11);
		assertThat(engine.uncommitted()).isTrue();

		engine.close();
		LuceneSearchEngine reopened = open();
		try {
			assertThat(reopened.appliedThrough()).as("the position of the last commit").isEqualTo(10);
			assertThat(reopened.uncommitted()).isFalse();
			assertThat(headlines(reopened, "harbour")).containsExactly("Harbour reopens");
		}
		finally {
			reopened.close();
		}
	}

	@Test
	void aCommitAfterReachedChangesKeepsThemAcrossARestart() {
		LuceneSearchEngine engine = open();
		engine.put(List.of(piece(1, "Ferry timetable")), List.of());
		engine.reached(5);
		engine.put(List.of(piece(2, "Ferry fares rise")), List.of(1L));
		engine.reached(6);
		engine.commit(engine.appliedThrough());
		assertThat(engine.uncommitted()).isFalse();
		engine.close();

		LuceneSearchEngine reopened = open();
		try {
			assertThat(reopened.appliedThrough()).isEqualTo(6);
			assertThat(headlines(reopened, "ferry")).containsExactly("Ferry fares rise");
		}
		finally {
			reopened.close();
		}
	}
}
