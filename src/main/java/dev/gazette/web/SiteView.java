package dev.gazette.web;

import java.util.List;

import dev.gazette.article.Section;
import dev.gazette.publication.Masthead;

/**
 * What the layout of every page needs: masthead, section navigation, the site's address and the fingerprinted
 * addresses of the stylesheet and the icon (so they can be cached for a year).
 */
public record SiteView(Masthead masthead, List<Section> sections, String baseUrl, String stylesheet, String icon) {
}
