/**
 * Moderation's inside: the external scorers (Perspective, OpenAI moderation, Llama Guard) with their circuit breaker,
 * the explanations and comment parts the nudges quote, the guidelines the checks name, the console, reports, audit,
 * word, pick, discussion and model pages, the moderation API, and the views the templates need. Public only so that
 * the feature's own package can use them; no other feature may (Spring Modulith checks it): they use
 * {@link dev.gazette.moderation.ModerationPipeline}, {@link dev.gazette.moderation.ModerationService},
 * {@link dev.gazette.moderation.Reports}, {@link dev.gazette.moderation.WordLists} and
 * {@link dev.gazette.moderation.AuditLog}.
 */
package dev.gazette.moderation.internal;
