/**
 * The article feature's inside: its repositories, one per kind of row (published articles as readers see them,
 * articles in any state as they are written, slugs and old slugs, the announced marker, the labels an article carries,
 * the masthead's sections, tags and authors, the front page's picks), the
 * body renderer and the announcer of scheduled pieces, the reading API and the editable pages' controller. Public
 * only so that the feature's own package can use them; no other feature may (Spring Modulith checks it): they go
 * through {@link dev.gazette.article.ArticleCatalog}, {@link dev.gazette.article.Manuscripts},
 * {@link dev.gazette.article.Contributors}, {@link dev.gazette.article.Pages} and
 * {@link dev.gazette.article.FrontPages}.
 */
package dev.gazette.article.internal;
