/**
 * The newsroom's inside: the article editor's pages and scripts, the dashboard, revisions and notes, autosaves,
 * previews, the front-page desk and its API, the admin pages for sections, tags, authors, pages and the masthead,
 * pitches (pages, API, store), the writing API, and the newsroom's error pages and problem answers, with the views
 * the templates need. Public only so that the newsroom's own package can use them; no other feature may (Spring
 * Modulith checks it): the face is {@link dev.gazette.newsroom.Workflow} with its value types and
 * {@link dev.gazette.newsroom.NewsroomException}.
 */
package dev.gazette.newsroom.internal;
