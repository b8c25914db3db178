package dev.gazette.site;

import java.util.List;
import java.util.Map;

import dev.gazette.publication.Masthead;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the layout of every page needs: masthead, section navigation, the site's address, the fingerprinted
 * addresses of the stylesheet, the icon and the scripts (so they can be cached for a year), who is signed in ({@code null} for a
 * guest), and the CSRF token the forms of someone with credentials carry ({@code null} for guests, whose forms need
 * none: see the account feature's {@code FormProtection}). Built for each request by the web module.
 */
public record SiteView(Masthead masthead, List<SectionLink> sections, String baseUrl, String stylesheet, String icon,
		Map<String, String> scripts, Viewer viewer, CsrfToken csrf) {

	/** The fingerprinted address of a script in {@code static/js} ({@code live.js}), so a new version is fetched. */
	public String script(String name) {
		return scripts.getOrDefault(name, "/js/" + name);
	}

	public boolean signedIn() {
		return viewer != null;
	}

	/** Whether the viewer writes for the publication (contributor, author, editor or admin): the newsroom's links. */
	public boolean writes() {
		return viewer != null && viewer.writes();
	}

	/** Whether the viewer works on the site (writes, edits, moderates or runs it): the staff links show. */
	public boolean staff() {
		return viewer != null && (viewer.writes() || viewer.moderates());
	}
}
