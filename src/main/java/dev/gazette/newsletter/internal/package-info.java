/**
 * The newsletter's inside: subscribers, issues per period and the digests built from them, the pages, the API and
 * the admin page with their views, the refusals and settings. Public only so that the feature's own package can use
 * them; no other feature may (Spring Modulith checks it): they use {@link dev.gazette.newsletter.Newsletter}.
 */
package dev.gazette.newsletter.internal;
