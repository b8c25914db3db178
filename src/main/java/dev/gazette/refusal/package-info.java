/**
 * Refusals: a request that cannot be carried out as asked, and nothing was changed. Every feature's refusal
 * ({@code AccountProblem}, {@code NewsroomException}, {@code MediaException}, ...) is a {@link Refusal}: an HTTP status,
 * a message safe to show, and the fields at fault ({@link FieldProblem}). The JSON API answers every one the same way,
 * as RFC 9457 problem JSON with {@code errors: [{field, message}]} (in {@code web.ApiProblems}), and the pages show
 * the same messages next to the fields. This module depends on nothing of Gazette's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Refusals", allowedDependencies = {})
package dev.gazette.refusal;
