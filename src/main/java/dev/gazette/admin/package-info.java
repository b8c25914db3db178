/**
 * Running the site: the staff's home at {@code /admin}, which lists the staff pages each person may use, and the
 * publication's settings page at {@code /admin/settings}. The pages themselves live with their features; this module
 * only links to them, so it depends on none of them beyond the accounts (who may use what) and the publication.
 * <p>
 * Nothing depends on this module, so everything is in {@code admin.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site administration",
		allowedDependencies = { "account", "publication", "refusal" })
package dev.gazette.admin;
