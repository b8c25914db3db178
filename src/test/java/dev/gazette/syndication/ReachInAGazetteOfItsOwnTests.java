package dev.gazette.syndication;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.article.ArticleCatalog;
import dev.gazette.article.LeadImage;
import dev.gazette.support.Http;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Newsroom;
import dev.gazette.support.Newsroom.Published;
import dev.gazette.support.Readers;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reach in a Gazette whose every article is known to the test: sitemaps split at three addresses a file (the
 * protocol allows 50,000), full-text feeds, mail delivered over SMTP to GreenMail and read as MIME, and limits on
 * e-mailing articles small enough to reach. The limits are reached last, in order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gazette.clock=" + ReachInAGazetteOfItsOwnTests.NOW, "gazette.base-url=https://gazette.example",
				"gazette.sitemaps.urls-per-file=" + ReachInAGazetteOfItsOwnTests.URLS_PER_FILE,
				"gazette.feeds.full-text=true", "gazette.feeds.language=en",
				"gazette.email-a-friend.per-address=" + ReachInAGazetteOfItsOwnTests.PER_ADDRESS,
				"gazette.email-a-friend.per-account=" + ReachInAGazetteOfItsOwnTests.PER_ACCOUNT,
				"gazette.email-a-friend.per-recipient=" + ReachInAGazetteOfItsOwnTests.PER_RECIPIENT,
				"spring.mail.host=127.0.0.1", "gazette.mail.from=Gazette Desk <desk@gazette.example>",
				"gazette.mail.poll-interval=200ms" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReachInAGazetteOfItsOwnTests {

	static final String NOW = "2018-07-22T09:00:00Z";

	static final String BASE = "https://gazette.example";

	static final int URLS_PER_FILE = 3;

	static final int PER_ADDRESS = 12;

	static final int PER_ACCOUNT = 3;

	static final int PER_RECIPIENT = 2;

	static final int SMTP_PORT = freePort();

	static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Http http;

	Newsroom newsroom;

	Mailbox mailbox;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		newsroom = new Newsroom(catalog);
		mailbox = new Mailbox(jdbc);
	}

	@Test
	@Order(1)
	void articleSitemapsSplitAtTheLimitAndTheIndexListsThemAll() throws Exception {
		List<Published> mine = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			mine.add(newsroom.article().publishedAt(Instant.parse("2017-03-0" + day + "T12:00:00Z")).publish());
		}
		Published scheduled = newsroom.article().publishedAt(Instant.parse("2018-07-23T06:00:00Z")).publish();
		long published = catalog.countPublished();
		int files = (int) ((published + URLS_PER_FILE - 1) / URLS_PER_FILE);

		Document index = xml("/sitemap.xml");
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
		List<String> sitemaps = texts(index, SITEMAP, "loc");
		assertThat(sitemaps).contains(BASE + "/sitemaps/pages.xml", BASE + "/sitemaps/news.xml");
		List<String> articleFiles = sitemaps.stream().filter(loc -> loc.contains("/sitemaps/articles-")).toList();
		assertThat(articleFiles).hasSize(files);

		List<String> all = new ArrayList<>();
		for (int file = 1; file <= files; file++) {
			assertThat(articleFiles.get(file - 1)).isEqualTo(BASE + "/sitemaps/articles-" + file + ".xml");
			Document urlset = xml("/sitemaps/articles-" + file + ".xml");
			List<String> locs = texts(urlset, SITEMAP, "loc");
			assertThat(locs.size()).isLessThanOrEqualTo(URLS_PER_FILE);
			if (file < files) {
				assertThat(locs).hasSize(URLS_PER_FILE);
			}
			assertThat(texts(urlset, SITEMAP, "lastmod")).hasSameSizeAs(locs);
			all.addAll(locs);
		}
		assertThat(all).hasSize((int) published).doesNotHaveDuplicates();
		assertThat(all).containsSubsequence(mine.stream().map(a -> BASE + a.path()).toList());
		assertThat(all).doesNotContain(BASE + scheduled.path());
		Document first = xml("/sitemaps/articles-1.xml");
		assertThat(texts(first, SITEMAP, "lastmod")).allMatch(lastmod -> lastmod.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
		assertThat(http.get("/sitemaps/articles-" + (files + 1) + ".xml").statusCode()).isEqualTo(404);
		assertThat(http.get("/sitemaps/articles-0.xml").statusCode()).isEqualTo(404);
		assertThat(http.get("/sitemaps/articles-x.xml").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void theNewsSitemapHasTheLastTwoDays() throws Exception {
		Published recent = newsroom.article()
			.headline("Harbour reopens — שלום & <welcome> 🎉")
			.publishedAt(Instant.parse("2018-07-22T08:00:00Z"))
			.publish();
		Published yesterday = newsroom.article().publishedAt(Instant.parse("2018-07-20T09:30:00Z")).publish();
		Published tooOld = newsroom.article().publishedAt(Instant.parse("2018-07-20T08:30:00Z")).publish();
		Published future = newsroom.article().publishedAt(Instant.parse("2018-07-22T10:00:00Z")).publish();

		Document news = xml("/sitemaps/news.xml");

		List<String> locs = texts(news, SITEMAP, "loc");
		assertThat(locs).contains(BASE + recent.path(), BASE + yesterday.path())
			.doesNotContain(BASE + tooOld.path(), BASE + future.path());
		Element url = (Element) news.getElementsByTagNameNS(SITEMAP, "url").item(locs.indexOf(BASE + recent.path()));
		assertThat(text(url, NEWS, "name")).isEqualTo("Gazette");
		assertThat(text(url, NEWS, "language")).isEqualTo("en");
		assertThat(text(url, NEWS, "publication_date")).isEqualTo("2018-07-22T08:00:00Z");
		assertThat(text(url, NEWS, "title")).isEqualTo("Harbour reopens — שלום & <welcome> 🎉");
	}

	@Test
	@Order(3)
	void thePagesSitemapAndRobotsPointSearchEnginesToTheRightPlaces() throws Exception {
		var section = newsroom.section("Harbours");
		var author = newsroom.author("Dalia Cohen");
		newsroom.article().in(section).by(author).publish();

		List<String> pages = texts(xml("/sitemaps/pages.xml"), SITEMAP, "loc");
		assertThat(pages).contains(BASE + "/", BASE + "/sections/" + section.slug(), BASE + "/authors/" + author.slug(),
				BASE + "/about", BASE + "/contact", BASE + "/write-for-us", BASE + "/guidelines");

		HttpResponse<String> robots = http.get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /admin", "Disallow: /settings",
				"Disallow: /api", "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/sitemaps/news.xml");
	}

	@Test
	@Order(4)
	void theSiteFeedCarriesWholeArticlesWhenSetTo() throws Exception {
		Published latest = newsroom.article()
			.headline("The newest of all")
			.body("First paragraph with **strong** words.\n\nSecond paragraph.")
			.publishedAt(Instant.parse("2018-07-22T08:59:00Z"))
			.publish();

		Channel channel = (Channel) new WireFeedInput().build(new StringReader(http.get("/feeds/rss.xml", "*/*").body()));

		Item first = channel.getItems().get(0);
		assertThat(first.getLink()).isEqualTo(BASE + latest.path());
		assertThat(first.getContent().getValue()).contains("<strong>strong</strong>").contains("Second paragraph.");
		assertThat(channel.getItems()).hasSizeLessThanOrEqualTo(20);
	}

	@Test
	@Order(5)
	void aFriendReceivesAMultipartMessageWithTheArticle() throws Exception {
		Published article = newsroom.article()
			.headline("Sea wall “approved” — שלום 🎉")
			.leadImage(new LeadImage("/demo/images/coastal-city.svg", 1600, 900, "Cranes", null, null))
			.publish();
		String friend = Readers.uniqueEmail("friend");

		assertThat(send(article, friend, "Oğuz Türk", "Bak buna 👀\nBcc: victim@example.com").statusCode()).isEqualTo(200);

		MimeMessage received = await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(friend)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(received.getAllRecipients()).hasSize(1);
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getSubject()).isEqualTo("“Sea wall “approved” — שלום 🎉” — an article from Gazette");
		assertThat(received.getFrom()).containsExactly(new InternetAddress("desk@gazette.example", "Gazette Desk"));
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat(((String) text.getContent()).replace("\r\n", "\n")).contains("> Bak buna 👀\n> Bcc: victim@example.com")
			.contains("Read it here: " + BASE + article.path());
		assertThat(html.isMimeType("text/html")).isTrue();
		assertThat((String) html.getContent()).contains("Bak buna 👀").contains(BASE + article.path());
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReachInAGazetteOfItsOwnTests::to))
			.doesNotContain("victim@example.com");
	}

	@Test
	@Order(6)
	void oneAddressReceivesOnlySoManyArticlesHoweverManySendThem() {
		Published article = newsroom.article().publish();
		String victim = Readers.uniqueEmail("victim");
		String bystander = Readers.uniqueEmail("bystander");
		for (int i = 0; i < PER_RECIPIENT; i++) {
			assertThat(send(article, victim, "Sender " + i, "").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = send(article, victim + ", " + bystander, "One more", "");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(org.jsoup.Jsoup.parse(refused.body()).selectFirst(".form-error").text()).startsWith("Nothing was sent");
		assertThat(mailbox.count(victim)).isEqualTo(PER_RECIPIENT);
		assertThat(mailbox.count(bystander)).as("all or nothing").isZero();
	}

	@Test
	@Order(7)
	void aSignedInReaderCanSendOnlySoManyWhereverTheySignInFrom() {
		Published article = newsroom.article().publish();
		Readers.Reader reader = new Readers(registration, accounts, administration, mailbox).join("Miriam Haddad");
		http.signIn(reader.email(), reader.password());
		for (int i = 0; i < PER_ACCOUNT; i++) {
			assertThat(send(article, Readers.uniqueEmail("friend"), "Miriam", "").statusCode()).isEqualTo(200);
		}

		String oneTooMany = Readers.uniqueEmail("friend");
		assertThat(send(article, oneTooMany, "Miriam", "").statusCode()).isEqualTo(429);
		assertThat(mailbox.count(oneTooMany)).isZero();
	}

	@Test
	@Order(8)
	void oneClientAddressCanSendOnlySoMany() {
		Published article = newsroom.article().publish();
		int sent = 0;
		HttpResponse<String> answer;
		String last;
		do {
			last = Readers.uniqueEmail("friend");
			answer = send(article, last, "Guest", "");
			sent += answer.statusCode() == 200 ? 1 : 0;
		}
		while (answer.statusCode() == 200 && sent <= PER_ADDRESS);

		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(sent).isLessThan(PER_ADDRESS);
		assertThat(mailbox.count(last)).isZero();
		assertThat(http.get(article.path() + "/email").statusCode()).as("the form itself still shows").isEqualTo(200);
	}

	private HttpResponse<String> send(Published article, String to, String name, String note) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("to", to);
		fields.put("name", name);
		fields.put("note", note);
		return http.postForm(article.path() + "/email", fields);
	}

	private Document xml(String path) throws Exception {
		HttpResponse<String> response = http.get(path, "application/xml");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
	}

	private static List<String> texts(Document document, String namespace, String name) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static String text(Element element, String namespace, String name) {
		return element.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
	}

	private static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
