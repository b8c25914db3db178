package dev.gazette.search;

import dev.gazette.article.ArticleCatalog;
import dev.gazette.publication.Publications;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code /search}: the reader's search page, a plain GET form that works without JavaScript. */
@Controller
class SearchPages {

	private final ReaderSearch search;

	private final ArticleCatalog catalog;

	private final Publications publications;

	private final SearchProperties properties;

	SearchPages(ReaderSearch search, ArticleCatalog catalog, Publications publications, SearchProperties properties) {
		this.search = search;
		this.catalog = catalog;
		this.publications = publications;
		this.properties = properties;
	}

	@GetMapping("/search")
	String search(@ModelAttribute SearchRequest form, Model model, HttpServletResponse response) {
		SearchView view;
		SearchRequest.Checked checked = form.check(properties.pageSize());
		if (checked instanceof SearchRequest.Valid valid) {
			ArticleQuery query = valid.query();
			view = SearchView.of(form, catalog.sections(), catalog.authors(),
					query.hasText() || query.hasFilter() ? search.search(query) : null, publications.current().timeZone());
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			view = SearchView.refused(form, catalog.sections(), catalog.authors(), (SearchRequest.Invalid) checked);
		}
		model.addAttribute("search", view);
		return "search/results";
	}
}
