package dev.gazette.demo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.gazette.article.Article;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleKind;
import dev.gazette.article.ArticleSummary;
import dev.gazette.article.Author;
import dev.gazette.comment.CommenterIdentity.Badge;
import dev.gazette.comment.Comments;
import dev.gazette.comment.Discussions;
import dev.gazette.comment.Discussion;
import dev.gazette.comment.DiscussionPage;
import dev.gazette.comment.DiscussionSort;
import dev.gazette.comment.DisplayComment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh install starts with the demo publication: enough to show every part of the site. */
@SpringBootTest(properties = "gazette.demo-content=true")
class DemoContentTests {

	private static final String RIVER = "the-river-that-two-nations-share";

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Comments comments;

	@Autowired
	Discussions discussions;

	@Autowired
	DemoContent demo;

	private List<ArticleSummary> articles() {
		return catalog.latest(1, 100).items();
	}

	@Test
	void hasSeveralAuthorsWithAvatarsAndBios() {
		Collection<Author> authors = articles().stream()
			.flatMap(article -> article.authors().stream())
			.collect(Collectors.toMap(Author::slug, Function.identity(), (a, b) -> a))
			.values();

		assertThat(authors).hasSizeGreaterThanOrEqualTo(3).allSatisfy(author -> {
			assertThat(author.avatarUrl()).as(author.slug()).isNotBlank();
			assertThat(author.bio()).as(author.slug()).isNotBlank();
			assertThat(catalog.author(author.slug())).contains(author);
		});
	}

	@Test
	void hasNewsAndOpinionWithLeadImagesThatSayWhatTheyShowAndWhoMadeThem() {
		List<ArticleSummary> articles = articles();

		assertThat(articles).hasSizeGreaterThanOrEqualTo(8);
		assertThat(articles).extracting(ArticleSummary::kind).contains(ArticleKind.NEWS, ArticleKind.OPINION);
		assertThat(articles).allSatisfy(summary -> {
			Article article = catalog.find(summary.slug()).orElseThrow();
			assertThat(article.leadImage()).as(article.slug() + " lead image").isNotNull();
			assertThat(article.leadImage().url()).as(article.slug() + " image address").isNotBlank();
			assertThat(article.leadImage().alt()).as(article.slug() + " alt").isNotBlank();
			assertThat(article.leadImage().caption()).as(article.slug() + " caption").isNotBlank();
			assertThat(article.leadImage().credit()).as(article.slug() + " credit").isNotBlank();
			assertThat(article.bodyHtml()).as(article.slug() + " body").contains("<p>");
			assertThat(article.section()).as(article.slug() + " section").isNotNull();
		});
	}

	@Test
	void theRiverOpinionPieceHasALivelyDiscussionThreeLevelsDeep() {
		Article river = catalog.find(RIVER).orElseThrow();
		Discussion discussion = discussions.discussion(river.id());

		assertThat(river.isOpinion()).isTrue();
		assertThat(discussion.publishedComments()).isGreaterThanOrEqualTo(40);
		int deepest = discussion.page(DiscussionSort.OLDEST, 1, 50)
			.threads()
			.stream()
			.mapToInt(thread -> levels(thread.root()))
			.max()
			.orElse(0);
		assertThat(deepest).isEqualTo(DisplayComment.MAX_LEVELS);
	}

	@Test
	void theRegionalEditorAnswersReadersUnderHerStaffAccountNotAsAGuest() {
		Article river = catalog.find(RIVER).orElseThrow();
		DiscussionPage page = discussions.discussion(river.id()).page(DiscussionSort.OLDEST, 1, 50);
		DisplayComment leyla = page.threads()
			.stream()
			.flatMap(thread -> flatten(thread.root()))
			.filter(comment -> comment.comment().displayName().equals("Leyla Məmmədova"))
			.findFirst()
			.orElseThrow();

		assertThat(leyla.comment().accountId()).isNotNull();
		assertThat(page.details().identity(leyla.comment()).badges()).extracting(Badge::label)
			.contains("Editor")
			.doesNotContain("Guest");
		assertThat(catalog.find(RIVER).orElseThrow().authors()).extracting(Author::displayName)
			.doesNotContain("Leyla Məmmədova");
	}

	@Test
	void loadingAgainChangesNothing() {
		long articles = catalog.latest(1, 1).total();
		Map<String, Integer> commentCounts = articles().stream()
			.collect(Collectors.toMap(ArticleSummary::slug,
					article -> discussions.discussion(article.id()).publishedComments()));

		assertThat(demo.loadIntoEmptyDatabase()).isFalse();

		assertThat(catalog.latest(1, 1).total()).isEqualTo(articles);
		assertThat(articles().stream()
			.collect(Collectors.toMap(ArticleSummary::slug,
					article -> discussions.discussion(article.id()).publishedComments()))).isEqualTo(commentCounts);
	}

	private static Stream<DisplayComment> flatten(DisplayComment comment) {
		return Stream.concat(Stream.of(comment), comment.replies().stream().flatMap(DemoContentTests::flatten));
	}

	private static int levels(DisplayComment comment) {
		return 1 + comment.replies().stream().mapToInt(DemoContentTests::levels).max().orElse(0);
	}
}
