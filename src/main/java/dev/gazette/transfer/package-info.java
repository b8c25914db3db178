/**
 * Moving in and moving out: imports from WordPress (a WXR export) and Disqus (its XML export), run from the command line
 * ({@code java -jar gazette.jar import wordpress FILE}), and the old addresses that keep answering afterwards.
 * <p>
 * Both readers stream (StAX) with document type declarations refused outright, so a file with an entity-expansion
 * ("billion laughs") or external-entity (XXE) attack is turned away before anything is read from it. A file is read
 * through once before anything is written, so a file that is not XML or is cut short imports nothing. Every row
 * written is recorded in {@code import_record} with what it was in the source, in the same transaction, so importing
 * again skips what is there and completes what a killed run left. Articles, authors, sections, comments and images go
 * in through the modules that own them ({@code ArticleCatalog}, {@code Comments}, {@code MediaLibrary}); imported
 * articles are not announced, and nothing sends mail. Imported comments are not screened unless asked
 * ({@code --screen}, or the import page's checkbox): then the classifier alone holds what it would hold.
 * <p>
 * Moving out: the whole publication exported as a WordPress export ({@code WxrExport}) or one JSON document per kind
 * ({@code JsonExport}), from the command line ({@code export wordpress FILE}, {@code export json DIR}) or
 * {@code /admin/export}. An export is a copy of what is stored, drafts and rejected comments included, so it reads the
 * tables a page at a time ({@code SiteRows}) rather than through the reader-facing services, and writes as it reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moving in and out", allowedDependencies = { "article",
		"comment", "media", "moderation" })
package dev.gazette.transfer;
