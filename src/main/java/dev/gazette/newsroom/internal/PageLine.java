package dev.gazette.newsroom.internal;

import dev.gazette.article.SitePage;

/** An editable page as {@code /admin/pages} lists it: the page, and when it was last changed (formatted). */
public record PageLine(SitePage page, String updated) {
}
