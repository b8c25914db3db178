package dev.gazette.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.ArticleState;
import dev.gazette.article.Author;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.article.Section;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.Comments;
import dev.gazette.newsroom.EditorPages.Person;
import dev.gazette.publication.Publications;
import dev.gazette.support.Http;
import dev.gazette.support.Json;
import dev.gazette.support.Mailbox;
import dev.gazette.support.MutableClock;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import dev.gazette.newsroom.internal.ArticlePages;
import dev.gazette.newsroom.internal.Notes;
import dev.gazette.newsroom.internal.Words;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article editor over real HTTP, as people use it without JavaScript: writing, saving, refusals that keep the
 * writer's text, the workflow's buttons, notes, revisions, autosave, the dashboard and what readers then see.
 */
@NewsroomGazette
class ArticleEditorTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Manuscripts manuscripts;

	@Autowired
	Comments comments;

	@Autowired
	Publications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	EditorPages pages;

	Author byline;

	@BeforeEach
	void theNewsroom() {
		pages = new EditorPages(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		byline = new Newsroom(catalog).author("Dana Reporter");
	}

	@Test
	void aContributorWritesEditsAndSubmitsButCannotPublish() {
		Person cleo = pages.join("Cleo Contributor", Role.CONTRIBUTOR);
		Author own = ownByline(cleo);
		long id = cleo.start("headline", "Ferry timetable changes for winter", "authors", own.slug(), "bodyMarkdown",
				"The ferry will run **hourly** from November.");

		Document saved = cleo.page("/admin/articles/" + id + "?saved");
		assertThat(saved.select(".form-saved").text()).startsWith("Saved at");
		assertThat(saved.getElementById("headline").val()).isEqualTo("Ferry timetable changes for winter");
		assertThat(saved.getElementById("slug").val()).isEqualTo("ferry-timetable-changes-for-winter");
		assertThat(saved.select("#preview strong").text()).isEqualTo("hourly");

		assertThat(cleo.edit(id, "standfirst", "Fewer crossings at night.").statusCode()).isEqualTo(302);
		Document edited = cleo.page("/admin/articles/" + id);
		assertThat(edited.getElementById("standfirst").val()).isEqualTo("Fewer crossings at night.");
		assertThat(buttons(edited)).contains("Submit for review").doesNotContain("Publish now", "Schedule");

		assertThat(cleo.press(id, "submit").statusCode()).isEqualTo(302);
		Document submitted = cleo.page("/admin/articles/" + id + "?done=submit");
		assertThat(submitted.select(".state-label").text()).isEqualTo("Submitted");
		assertThat(buttons(submitted)).doesNotContain("Publish now");

		HttpResponse<String> forged = cleo.press(id, "publish");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(manuscripts.find(id).orElseThrow().state()).isEqualTo(ArticleState.SUBMITTED);
		assertThat(cleo.page("/admin/articles?state=submitted").select("tr.piece a").eachText())
			.contains("Ferry timetable changes for winter");
		Person other = pages.join("Otto Contributor", Role.CONTRIBUTOR);
		assertThat(other.page("/admin/articles").select("tr.piece a").eachText())
			.doesNotContain("Ferry timetable changes for winter");
		assertThat(other.browser().get("/admin/articles/" + id).statusCode()).isEqualTo(403);
	}

	@Test
	void anAuthorPublishesTheirOwnPiece() {
		Person avi = pages.join("Avi Author", Role.AUTHOR);
		long id = avi.start("headline", "Lighthouse keeper retires", "authors", byline.slug(), "bodyMarkdown",
				"After forty years on the pier.");
		assertThat(buttons(avi.page("/admin/articles/" + id))).contains("Publish now").doesNotContain("Schedule");

		assertThat(avi.press(id, "publish").statusCode()).isEqualTo(302);

		Document published = avi.page("/admin/articles/" + id + "?done=publish");
		assertThat(published.select(".state-label").text()).isEqualTo("Published");
		assertThat(new Http(port).get("/articles/lighthouse-keeper-retires").statusCode()).isEqualTo(200);
	}

	@Test
	void anEditorSchedulesWithALocalTimeAndTheListShowsItScheduled() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long id = eda.start("headline", "Tide tables for the new year", "authors", byline.slug(), "bodyMarkdown",
				"High water at noon.");
		ZoneId zone = publications.current().timeZone();
		Instant at = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		String local = LocalDateTime.ofInstant(at, zone).toString();
		assertThat(eda.page("/admin/articles/" + id).select("label[for=at]").text()).contains(zone.getId());

		assertThat(eda.press(id, "schedule", "at", local).statusCode()).isEqualTo(302);

		Manuscript piece = manuscripts.find(id).orElseThrow();
		assertThat(piece.state()).isEqualTo(ArticleState.SCHEDULED);
		assertThat(piece.publishedAt()).isEqualTo(at);
		Document list = eda.page("/admin/articles?state=scheduled");
		assertThat(list.select("tr.piece.state-scheduled a").eachText()).contains("Tide tables for the new year");
		Document dashboard = eda.page("/admin/newsroom");
		assertThat(dashboard.select("table.scheduled a").eachText()).contains("Tide tables for the new year");

		HttpResponse<String> past = eda.press(id, "schedule", "at", LocalDateTime.ofInstant(clock.instant(), zone)
			.minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString());
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(past.body()).getElementById("at-error").text()).contains("has passed");
		assertThat(manuscripts.find(id).orElseThrow().publishedAt()).isEqualTo(at);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a slug another article has     | slug         | taken                | slug
			a section that does not exist  | section      | nowhere              | section
			an author who does not exist   | authors      | nobody-at-all        | authors
			a headline over 300 characters | headline     | LONG                 | headline
			a body over 200,000 characters | bodyMarkdown | HUGE                 | bodyMarkdown
			a body of 12,000 block quotes  | bodyMarkdown | DEEP                 | bodyMarkdown
			a canonical address that is not http | canonicalUrl | ftp://example.org/x | canonicalUrl
			a lead image that is not a number | leadImage | the big one          | leadImage
			a lead image not in the library | leadImage  | 987654               | leadImage
			""")
	void badInputShowsTheFormAgainWithTheMessageAndSavesNothing(String why, String field, String value, String errorField) {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long taken = eda.start("headline", "Already here", "authors", byline.slug());
		long id = eda.start("headline", "Harbour dues rise", "authors", byline.slug(), "bodyMarkdown", "Dues rise.");
		Manuscript before = manuscripts.find(id).orElseThrow();
		String sent = switch (value) {
			case "taken" -> manuscripts.find(taken).orElseThrow().copy().slug();
			case "LONG" -> "H".repeat(301);
			case "HUGE" -> "Words.".repeat(33_334);
			case "DEEP" -> ">".repeat(12_000);
			default -> value;
		};

		HttpResponse<String> refused = eda.edit(id, field, sent, "standfirst", "Kept: Oğuz Türk’s words");

		assertThat(refused.statusCode()).as(why).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.getElementById(errorField + "-error")).as(why).isNotNull();
		assertThat(page.getElementById("standfirst").val()).isEqualTo("Kept: Oğuz Türk’s words");
		// The lead image field is a number field until the media picker replaces it.
		if (!field.equals("leadImage")) {
			String shown = field.equals("authors") ? page.select("#author-1 option[selected]").val()
					: field.equals("section") ? page.select("#section option[selected]").val() : page.getElementById(field).val();
			assertThat(shown).isEqualTo(sent);
		}
		assertThat(manuscripts.find(id).orElseThrow()).isEqualTo(before);
	}

	@Test
	void anEditorPicksALibraryImageAsTheLeadAndPublishesOnlyOnceTheImageIsDescribed() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		HttpResponse<String> uploaded = eda.browser().postFile("/admin/media", "file", "quay.jpg", "image/jpeg",
				jpeg(1200, 800));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String image = uploaded.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/media/(\\d+).*", "$1");
		long id = eda.start("headline", "The quay reopens after the storm", "authors", byline.slug(), "bodyMarkdown",
				"Boats are back at the quay.");

		Document editor = eda.page("/admin/articles/" + id);
		assertThat(editor.select("input[type=radio][name=leadImage][value=" + image + "]")).as("the picker offers it").hasSize(1);
		assertThat(eda.edit(id, "leadImage", image).statusCode()).isEqualTo(302);
		assertThat(manuscripts.find(id).orElseThrow().copy().leadImageId()).isEqualTo(Long.valueOf(image));
		assertThat(eda.page("/admin/articles/" + id).select("input[name=leadImage][checked]").val()).isEqualTo(image);

		HttpResponse<String> refused = eda.press(id, "publish");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).getElementById("problem").text()).contains("alt text", "caption", "credit");
		assertThat(manuscripts.find(id).orElseThrow().state()).isEqualTo(ArticleState.DRAFT);

		assertThat(eda.browser().postForm("/admin/media/" + image, Map.of("alt", "Fishing boats tied up along a stone quay",
				"caption", "The quay on its first morning back.", "credit", "Photo: Oğuz Türk")).statusCode()).isEqualTo(302);
		assertThat(eda.press(id, "publish").statusCode()).isEqualTo(302);
		Document article = Jsoup.parse(new Http(port).get("/articles/the-quay-reopens-after-the-storm").body());
		org.jsoup.nodes.Element lead = article.selectFirst("figure img[srcset]");
		assertThat(lead).as("the lead image with its sizes").isNotNull();
		assertThat(lead.attr("srcset")).contains("/media/" + image + "/320.jpg 320w", "/media/" + image + "/1024.jpg 1024w");
		assertThat(lead.attr("alt")).isEqualTo("Fishing boats tied up along a stone quay");
		assertThat(lead.attr("width")).isEqualTo("1200");
		assertThat(lead.attr("height")).isEqualTo("800");
		assertThat(article.select("figure figcaption").text()).contains("The quay on its first morning back.",
				"Photo: Oğuz Türk");
	}

	/** A real JPEG, drawn here: a sky over a sea. */
	private static byte[] jpeg(int width, int height) {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = image.createGraphics();
		graphics.setColor(new java.awt.Color(120, 170, 220));
		graphics.fillRect(0, 0, width, height / 2);
		graphics.setColor(new java.awt.Color(20, 60, 110));
		graphics.fillRect(0, height / 2, width, height - height / 2);
		graphics.dispose();
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "jpeg", bytes);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@Test
	void publishingWithoutABylineIsRefusedOnThePageAndChangesNothing() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long id = eda.start("headline", "Nobody wrote this", "bodyMarkdown", "A body without a byline.");

		HttpResponse<String> refused = eda.press(id, "publish");

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).getElementById("problem").text()).contains("at least one author");
		assertThat(manuscripts.find(id).orElseThrow().state()).isEqualTo(ArticleState.DRAFT);
	}

	@Test
	void thePreviewButtonShowsTheBodyAsReadersWillSeeItAndSavesNothing() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long id = eda.start("headline", "Preview me", "authors", byline.slug(), "bodyMarkdown", "Old words.");
		Manuscript before = manuscripts.find(id).orElseThrow();

		HttpResponse<String> previewed = eda.browser().postForm("/admin/articles/" + id,
				eda.form(eda.page("/admin/articles/" + id), "bodyMarkdown", "## A heading\n\nNew *words* here.", "intent",
						"preview"));

		assertThat(previewed.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(previewed.body());
		assertThat(page.select("#preview h2").text()).isEqualTo("A heading");
		assertThat(page.select("#preview em").text()).isEqualTo("words");
		assertThat(page.select("#word-count .words").text()).isEqualTo("5");
		assertThat(page.getElementById("bodyMarkdown").val()).isEqualTo("## A heading\n\nNew *words* here.");
		assertThat(manuscripts.find(id).orElseThrow()).isEqualTo(before);
	}

	@Test
	void theLivePreviewRefusesTextNestedTooDeepNamingTheBody() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		eda.page("/admin/articles/new");

		HttpResponse<String> quotes = eda.browser().postForm("/admin/articles/preview",
				Map.of("bodyMarkdown", ">".repeat(12_000)));
		HttpResponse<String> lists = eda.browser().postForm("/admin/articles/preview",
				Map.of("bodyMarkdown", "1. ".repeat(12_000) + "x"));
		HttpResponse<String> fine = eda.browser().postForm("/admin/articles/preview",
				Map.of("bodyMarkdown", "> " + "- ".repeat(10) + "ten lists in a quote"));

		for (HttpResponse<String> refused : List.of(quotes, lists)) {
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = Json.read(refused);
			assertThat(problem.get("status").asInt()).isEqualTo(400);
			assertThat(problem.get("detail").asString()).contains("nested at most 32 levels");
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("bodyMarkdown");
		}
		assertThat(fine.statusCode()).isEqualTo(200);
		assertThat(fine.body()).contains("ten lists in a quote");
	}

	@Test
	void aPieceStoredNestedTooDeepStillOpensInTheEditorWithItsText() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		String deep = ">".repeat(12_000);
		long id = new Newsroom(catalog).article().by(byline).body(deep).publish().id();

		HttpResponse<String> editor = eda.browser().get("/admin/articles/" + id);

		assertThat(editor.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(editor.body()).getElementById("bodyMarkdown").val()).isEqualTo(deep);
	}

	@Test
	void aNewPieceWithoutAHeadlineIsNotStartedAndKeepsTheText() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long count = articles();
		HttpResponse<String> refused = eda.browser().postForm("/admin/articles",
				eda.form(eda.page("/admin/articles/new"), "headline", " ", "bodyMarkdown", "A body with no headline."));
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.getElementById("headline-error").text()).contains("headline is required");
		assertThat(page.getElementById("bodyMarkdown").val()).isEqualTo("A body with no headline.");
		assertThat(articles()).isEqualTo(count);
	}

	@Test
	void aSaveOverSomeoneElsesNewerSaveKeepsTheWritersTextAndSavesNothing() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		Person avi = pages.join("Avi Author", Role.AUTHOR);
		long id = avi.start("headline", "Quay repairs", "authors", byline.slug(), "bodyMarkdown", "First words.");
		Document edasForm = eda.page("/admin/articles/" + id);
		assertThat(avi.edit(id, "bodyMarkdown", "Avi's newer words.").statusCode()).isEqualTo(302);

		HttpResponse<String> stale = eda.browser().postForm("/admin/articles/" + id,
				eda.form(edasForm, "bodyMarkdown", "Eda's words, typed meanwhile."));

		assertThat(stale.statusCode()).isEqualTo(409);
		Document page = Jsoup.parse(stale.body());
		assertThat(page.getElementById("problem").text()).contains("Someone else saved this piece");
		assertThat(page.getElementById("bodyMarkdown").val()).isEqualTo("Eda's words, typed meanwhile.");
		assertThat(manuscripts.find(id).orElseThrow().copy().bodyMarkdown()).isEqualTo("Avi's newer words.");

		HttpResponse<String> again = eda.browser().postForm("/admin/articles/" + id, eda.form(page));
		assertThat(again.statusCode()).as("saving again from the conflict page is deliberate").isEqualTo(302);
		assertThat(manuscripts.find(id).orElseThrow().copy().bodyMarkdown()).isEqualTo("Eda's words, typed meanwhile.");
	}

	@Test
	void unicodeAndMarkupSurviveEscaped() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		String headline = "Oğuz Türk: שלום לנמל 🌊 <script>alert('x')</script>";
		String body = "Words from **Oğuz Türk** 🌊\n\n<script>alert('body')</script>\n\n<img src=x onerror=alert(1)>";
		long id = eda.start("headline", headline, "authors", byline.slug(), "bodyMarkdown", body, "seoTitle",
				"<b>שלום</b> 🌊", "tags", "Türkiye, חדשות");

		HttpResponse<String> response = eda.browser().get("/admin/articles/" + id);
		Document page = Jsoup.parse(response.body());
		assertThat(page.getElementById("headline").val()).isEqualTo(headline);
		assertThat(page.getElementById("bodyMarkdown").val()).isEqualTo(body);
		assertThat(page.getElementById("seoTitle").val()).isEqualTo("<b>שלום</b> 🌊");
		assertThat(page.getElementById("tags").val()).isEqualTo("Türkiye, חדשות");
		assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).isNotEmpty());
		assertThat(page.select("#preview img[onerror], #search-title b")).isEmpty();
		assertThat(page.select("#preview strong").text()).isEqualTo("Oğuz Türk");

		Person avi = pages.join("Avi Author", Role.AUTHOR);
		long own = avi.start("headline", "Notes test", "authors", byline.slug());
		assertThat(eda.browser().postForm("/admin/articles/" + own + "/notes",
				Map.of("body", "First note: check the figures.")).statusCode()).isEqualTo(302);
		assertThat(eda.browser().postForm("/admin/articles/" + own + "/notes",
				Map.of("body", "Second note <script>alert(1)</script> from Oğuz 🌊")).statusCode()).isEqualTo(302);
		Document notes = avi.page("/admin/articles/" + own);
		assertThat(notes.select(".note-body").eachText()).containsExactly(
				"Second note <script>alert(1)</script> from Oğuz 🌊", "First note: check the figures.");
		assertThat(notes.select("#notes script")).isEmpty();
		assertThat(notes.getElementById("note")).as("writers read notes; editors write them").isNull();
	}

	@Test
	void revisionsShowWhatChangedAndAnOldOneCanBeRestored() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long id = eda.start("headline", "Breakwater study", "authors", byline.slug(), "bodyMarkdown",
				"The study took two years.\nIt cost a lot.\nIt ends here.");
		assertThat(eda.edit(id, "headline", "Breakwater study published", "bodyMarkdown",
				"The study took two years.\nIt cost <b>less</b> than planned.\nIt ends here.").statusCode()).isEqualTo(302);

		Document list = eda.page("/admin/articles/" + id + "/revisions");
		assertThat(list.select("table.revisions tbody tr")).hasSize(2);
		assertThat(list.select("table.revisions tbody tr").first().text()).contains("Eda Editor", "edited");

		Document diff = eda.page("/admin/articles/" + id + "/revisions/diff?from=1&to=2");
		assertThat(diff.select("table.diff-fields th[scope=row]").eachText()).containsExactly("Headline");
		assertThat(diff.select("table.diff-fields ins").text()).isEqualTo("Breakwater study published");
		assertThat(diff.select(".diff-removed").text()).contains("It cost a lot.");
		assertThat(diff.select(".diff-added").text()).contains("It cost <b>less</b> than planned.");
		assertThat(diff.select(".diff-added b")).isEmpty();

		Document confirm = eda.page("/admin/articles/" + id + "/revisions/1/restore");
		assertThat(confirm.select("h1").text()).contains("Restore revision 1");
		assertThat(manuscripts.find(id).orElseThrow().copy().headline()).as("asking changes nothing")
			.isEqualTo("Breakwater study published");
		HttpResponse<String> restored = eda.browser().postForm("/admin/articles/" + id + "/revisions/1/restore", Map.of());
		assertThat(restored.statusCode()).isEqualTo(302);
		Manuscript piece = manuscripts.find(id).orElseThrow();
		assertThat(piece.copy().headline()).isEqualTo("Breakwater study");
		assertThat(piece.copy().bodyMarkdown()).isEqualTo("The study took two years.\nIt cost a lot.\nIt ends here.");
		assertThat(eda.page("/admin/articles/" + id + "/revisions").select("table.revisions tbody tr")).hasSize(3);
	}

	@Test
	void anAutosaveIsKeptApartFromTheArticleAndOfferedBack() {
		Person avi = pages.join("Avi Author", Role.AUTHOR);
		long id = avi.start("headline", "Night market opens", "authors", byline.slug(), "bodyMarkdown", "Stalls open at six.");
		assertThat(avi.press(id, "publish").statusCode()).isEqualTo(302);
		Manuscript before = manuscripts.find(id).orElseThrow();
		String slug = before.copy().slug();

		HttpResponse<String> kept = avi.browser().postForm("/admin/articles/" + id + "/autosave",
				avi.form(avi.page("/admin/articles/" + id), "bodyMarkdown", "Stalls open at seven, not six 🌙."));

		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		assertThat(kept.body()).contains("savedAt");
		assertThat(manuscripts.find(id).orElseThrow()).as("the article is untouched").isEqualTo(before);
		assertThat(new Http(port).get("/articles/" + slug).body()).contains("Stalls open at six.")
			.doesNotContain("seven");
		Document offered = avi.page("/admin/articles/" + id);
		assertThat(offered.select(".autosave-offer a").text()).startsWith("Restore unsaved changes from");
		assertThat(offered.getElementById("bodyMarkdown").val()).isEqualTo("Stalls open at six.");

		Document restored = avi.page("/admin/articles/" + id + "?restore");
		assertThat(restored.getElementById("bodyMarkdown").val()).isEqualTo("Stalls open at seven, not six 🌙.");
		assertThat(avi.browser().postForm("/admin/articles/" + id, avi.form(restored)).statusCode()).isEqualTo(302);
		assertThat(manuscripts.find(id).orElseThrow().copy().bodyMarkdown()).isEqualTo("Stalls open at seven, not six 🌙.");
		assertThat(avi.page("/admin/articles/" + id).select(".autosave-offer")).as("a real save clears it").isEmpty();

		avi.browser().postForm("/admin/articles/" + id + "/autosave",
				avi.form(avi.page("/admin/articles/" + id), "bodyMarkdown", "A thought to drop."));
		assertThat(avi.browser().postForm("/admin/articles/" + id + "/autosave/discard", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(avi.page("/admin/articles/" + id).select(".autosave-offer")).isEmpty();
	}

	@Test
	void theSearchTitleAndDescriptionAreWhatThePublishedPageTellsSearchEngines() {
		Person avi = pages.join("Avi Author", Role.AUTHOR);
		long id = avi.start("headline", "Council approves sea wall", "standfirst", "A metre higher by 2030.", "authors",
				byline.slug(), "bodyMarkdown", "The vote was close.", "seoTitle", "Sea wall: Oğuz Türk on the vote",
				"seoDescription", "What the higher wall means for the quay 🌊");
		long plain = avi.start("headline", "Ferry strike ends", "standfirst", "Boats run again on Monday.", "authors",
				byline.slug(), "bodyMarkdown", "Agreement reached.");
		avi.press(id, "publish");
		avi.press(plain, "publish");

		Document page = Jsoup.parse(new Http(port).get("/articles/council-approves-sea-wall").body());
		assertThat(page.title()).startsWith("Sea wall: Oğuz Türk on the vote");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("What the higher wall means for the quay 🌊");
		assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Sea wall: Oğuz Türk on the vote");
		assertThat(page.select("meta[property=og:description]").attr("content"))
			.isEqualTo("What the higher wall means for the quay 🌊");
		assertThat(page.select("h1.headline").text()).isEqualTo("Council approves sea wall");

		Document other = Jsoup.parse(new Http(port).get("/articles/ferry-strike-ends").body());
		assertThat(other.title()).startsWith("Ferry strike ends");
		assertThat(other.select("meta[name=description]").attr("content")).isEqualTo("Boats run again on Monday.");
		assertThat(other.select("meta[property=og:title]").attr("content")).isEqualTo("Ferry strike ends");
	}

	@Test
	void readersAreRefusedAndGuestsAreSentToSignIn() {
		Person rita = pages.join("Rita Reader");
		assertThat(rita.browser().get("/admin/articles").statusCode()).isEqualTo(403);
		assertThat(rita.browser().get("/admin/articles/new").statusCode()).isEqualTo(403);
		assertThat(rita.browser().get("/admin/newsroom").statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(rita.browser().get("/").body()).select("a[href=/admin]").eachText())
			.as("a reader has no staff links").isEmpty();
		HttpResponse<String> guest = new Http(port).get("/admin/articles");
		assertThat(guest.statusCode()).isEqualTo(302);
		assertThat(guest.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
		Person cleo = pages.join("Cleo Contributor", Role.CONTRIBUTOR);
		assertThat(Jsoup.parse(cleo.browser().get("/admin").body()).select("main a").eachText())
			.contains("Newsroom", "Articles");
	}

	@Test
	void theDashboardShowsWhatWaitsOldestFirstAndHowRecentDiscussionsGo() {
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		Person cleo = pages.join("Cleo Waiting", Role.CONTRIBUTOR);
		Author own = ownByline(cleo);
		ZoneId zone = publications.current().timeZone();
		long older = cleo.start("headline", "Waiting since morning", "authors", own.slug(), "bodyMarkdown", "One.");
		cleo.press(older, "submit");
		Instant submitted = clock.instant();
		clock.advance(Duration.ofMinutes(30));
		long newer = cleo.start("headline", "Waiting since noon", "authors", own.slug(), "bodyMarkdown", "Two.");
		cleo.press(newer, "submit");
		eda.press(newer, "review");
		Instant reviewed = clock.instant();
		long out = eda.start("headline", "Busy discussion", "authors", byline.slug(), "bodyMarkdown", "Talk.");
		eda.press(out, "publish");
		comments.importComment(out, null, "Lea", "I think the plan is sensible and well argued.", CommentStatus.PUBLISHED,
				clock.instant());
		comments.importComment(out, null, "Sam", "A fair summary of the council debate.", CommentStatus.PUBLISHED,
				clock.instant().minus(Duration.ofDays(3)));
		comments.importComment(out, null, "Kim", "I would like to know more about the costs.", CommentStatus.PENDING,
				clock.instant());

		Document dashboard = eda.page("/admin/newsroom");

		List<String> waiting = dashboard.select("table.waiting tbody tr").eachText();
		assertThat(waiting.stream().filter(line -> line.startsWith("Waiting since")).toList()).containsSubsequence(
				"Waiting since morning Submitted Cleo Waiting " + ArticlePages.time(submitted, zone),
				"Waiting since noon In review Cleo Waiting " + ArticlePages.time(reviewed, zone));
		assertThat(dashboard.select("table.published tbody tr").eachText())
			.anySatisfy(line -> assertThat(line).startsWith("Busy discussion").endsWith("1 2 1"));
		assertThat(cleo.page("/admin/newsroom").select("table.published a").eachText()).doesNotContain("Busy discussion");
	}

	private long articles() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}

	private static List<String> buttons(Document page) {
		return page.select("button").eachText();
	}

	/** A contributor's own author profile: the one byline they may put on their pieces. */
	private Author ownByline(Person contributor) {
		return catalog.addAuthor(dev.gazette.article.Slugs.of(contributor.name()) + "-" + contributor.id(),
				contributor.name(), null, null, null, contributor.id());
	}
}
