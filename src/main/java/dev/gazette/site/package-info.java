/**
 * The frame every page sits in, below the features: the page layout ({@code src/main/jte/site/layout.jte}), the form
 * token's hidden field ({@code site/csrf.jte}) and the data they need, {@link dev.gazette.site.SiteView}, with its
 * small view types ({@link dev.gazette.site.Viewer}, {@link dev.gazette.site.SectionLink}), plus
 * {@link dev.gazette.site.ReturnTo}, the one rule for where sign-in sends a reader back to, which the layout's
 * sign-in link and the account feature share.
 * <p>
 * What belongs here: what every feature's templates need to draw the page around their content, as plain values.
 * What does not: anything that reads the database, knows an account or an article, or serves a request. This module
 * depends on {@code publication} only (for the {@link dev.gazette.publication.Masthead}); the {@code web} module, at
 * the top, builds each request's {@link dev.gazette.site.SiteView} from the account and article features. So a
 * feature's templates import this module and never the top one, and nothing here loops back up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site frame", allowedDependencies = "publication")
package dev.gazette.site;
