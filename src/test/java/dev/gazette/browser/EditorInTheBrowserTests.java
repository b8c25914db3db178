package dev.gazette.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gazette.account.AccountAdministration;
import dev.gazette.account.Accounts;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.article.Manuscripts;
import dev.gazette.support.Mailbox;
import dev.gazette.support.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article editor in a real browser with its script: the preview shows the Markdown as readers will see it while
 * the editor types, the word count follows, unsaved text is autosaved (every second here,
 * {@code gazette.newsroom.autosave-interval}) without touching the article, and leaving with unsaved changes asks
 * first, while leaving after saving does not.
 */
@BrowsingGazette
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorInTheBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Registration registration;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Manuscripts manuscripts;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void anEditorSeesThePreviewAndTheWordCountAsTheyTypeAndTheirTextIsAutosaved(Browser browser) {
		Readers.Reader editor = new Readers(registration, accounts, administration, new Mailbox(jdbc)).join("Edith Browser", Role.EDITOR);
		try (Reader reader = Reader.at(browser, port, Viewport.DESKTOP)) {
			Page page = reader.page();
			List<String> dialogs = new ArrayList<>();
			page.onDialog(dialog -> {
				dialogs.add(dialog.type());
				dialog.accept();
			});
			reader.signIn(editor.email(), editor.password());
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff pages").setExact(true)).click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Articles").setExact(true)).click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New article")).click();
			page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).fill("Gulls return to the harbour");
			page.getByLabel("Author 1").selectOption(BrowsingGazette.AUTHOR);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved at");
			assertThat(dialogs).as("leaving by saving asks nothing").isEmpty();
			long id = Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));

			page.getByLabel("Body (Markdown)").pressSequentially("The gulls are **back** on the quay.", new Locator.PressSequentiallyOptions().setDelay(5));

			assertThat(page.locator("#preview strong")).hasText("back");
			assertThat(page.locator("#word-count .words")).hasText("7");
			assertThat(page.locator("#autosave-status")).containsText("Unsaved changes kept at");
			assertThat(manuscripts.find(id).orElseThrow().copy().bodyMarkdown()).as("autosave leaves the piece alone")
				.isEmpty();
			reader.screenshot("editor-typing", true);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All articles")).click();
			assertThat(page.locator("h1")).hasText("Articles");
			assertThat(dialogs).containsExactly("beforeunload");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gulls return to the harbour")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Restore unsaved changes")))
				.isVisible();
		}
	}
}
