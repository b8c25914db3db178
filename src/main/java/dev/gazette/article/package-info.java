/**
 * Articles, sections, tags and authors: the catalogue of what has been published. Other features reach it
 * through {@link dev.gazette.article.ArticleCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles", allowedDependencies = { "publication", "media", "portrait", "mail", "refusal" })
package dev.gazette.article;
