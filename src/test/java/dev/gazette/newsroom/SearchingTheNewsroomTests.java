package dev.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.Author;
import dev.gazette.newsroom.EditorPages.Person;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Readers;
import java.util.Random;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search box over {@code /admin/articles}: pieces in any state by headline, text and writer, and never a piece the
 * person could not open (a contributor's search finds only their own drafts, an editor's finds everyone's).
 */
@NewsroomGazette
class SearchingTheNewsroomTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	EditorPages pages;

	Author byline;

	String marker;

	@BeforeEach
	void theNewsroom() {
		pages = new EditorPages(port, new Readers(registration, accounts, administration, new Mailbox(jdbc)));
		Random random = new Random();
		StringBuilder word = new StringBuilder("qn");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		marker = word.toString();
		byline = new Newsroom(catalog).author("Şebnem Yıldız " + marker);
	}

	@Test
	void eachPersonFindsThePiecesTheyMaySeeByHeadlineTextAndWriter() {
		Person cleo = pages.join("Cleo Contributor", Role.CONTRIBUTOR);
		Person otto = pages.join("Otto Contributor", Role.CONTRIBUTOR);
		Person eda = pages.join("Eda Editor", Role.EDITOR);
		long cranes = cleo.start("headline", "Harbour cranes " + marker, "bodyMarkdown", "Draft text.");
		long buses = otto.start("headline", "Night buses", "bodyMarkdown", "The new routes " + marker + " start in spring.");
		// A contributor may put only their own byline on a piece; the editor gives both pieces the writer's.
		assertThat(eda.edit(cranes, "authors", byline.slug()).statusCode()).isEqualTo(302);
		assertThat(eda.edit(buses, "authors", byline.slug()).statusCode()).isEqualTo(302);

		assertThat(found(cleo, marker)).containsExactly("Harbour cranes " + marker);
		assertThat(found(otto, marker)).containsExactly("Night buses");
		assertThat(found(eda, marker)).containsExactlyInAnyOrder("Harbour cranes " + marker, "Night buses");
		assertThat(found(eda, "sebnem yildiz " + marker)).as("by the writer's name, folded").hasSize(2);
		assertThat(found(eda, "cranes " + marker)).containsExactly("Harbour cranes " + marker);
		Document none = eda.page("/admin/articles?q=" + marker + "zzz");
		assertThat(none.select("tr.piece")).isEmpty();
		assertThat(none.text()).contains("No piece you can see matches");
		assertThat(eda.page("/admin/articles?state=draft&q=" + marker).select("a[aria-current=page]").text())
			.contains("(2)");
	}

	private static java.util.List<String> found(Person person, String words) {
		return person.page("/admin/articles?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8))
			.select("tr.piece a")
			.eachText();
	}
}
