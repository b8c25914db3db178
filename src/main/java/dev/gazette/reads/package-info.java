/**
 * Reads shared between requests without losing freshness ({@link dev.gazette.reads.OneReadForMany}): the checks
 * behind every kept copy (the article page, the publication's settings) are made once for the requests that arrive
 * together, and each still sees every change committed before it arrived. This module depends on nothing of
 * Gazette's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared reads", allowedDependencies = {})
package dev.gazette.reads;
