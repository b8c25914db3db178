/**
 * The article feature's inside: its repositories (SQL for articles, sections, tags, authors, the front page), the
 * body renderer and the announcer of scheduled pieces, the reading API and the editable pages' controller. Public
 * only so that the feature's own package can use them; no other feature may (Spring Modulith checks it): they go
 * through {@link dev.gazette.article.ArticleCatalog}, {@link dev.gazette.article.Manuscripts},
 * {@link dev.gazette.article.Contributors}, {@link dev.gazette.article.Pages} and
 * {@link dev.gazette.article.FrontPages}.
 */
package dev.gazette.article.internal;
