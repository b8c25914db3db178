/**
 * The job queue's inside: the {@code job} table with its claims ({@code JobTable}), the worker that polls, claims, runs
 * and backs off ({@code JobWorker}), its settings ({@code gazette.jobs.*}) and the admins' page at {@code /admin/jobs}
 * with its view (public for jte). Other features see only {@link dev.gazette.jobs.Jobs} and the handler SPI in the
 * module's base package; the worker's and the table's methods that {@code Jobs} calls are public because Java cannot
 * make a method visible to a subpackage alone.
 */
package dev.gazette.jobs.internal;
