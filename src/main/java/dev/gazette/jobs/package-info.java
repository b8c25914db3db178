/**
 * The one durable job queue: everything that must happen later, at least once, on some node (mail delivery, webhook
 * calls, reply notifications, newsletter digests) is a row in {@code job}, written in the transaction that made it
 * necessary, and run by a {@link dev.gazette.jobs.JobHandler} the feature registers as a bean. The handler states its
 * kind once, as a {@link dev.gazette.jobs.JobKind} (name, payload type, back-off, poll interval, how long a claim
 * lasts, whether a job runs right after its commit), and adds only the work and, if it keeps its own record of
 * attempts, what to note after a failure.
 * <p>
 * Every node polls for due jobs of the kinds it handles and claims each with a conditional update (due and pending,
 * or running with a lapsed claim), so two nodes never run one claimed job at once; a claim lapses after the kind's
 * {@code claimFor}, so the work of a node that died is taken up by another. A failed run is tried again after the
 * kind's back-off; after its last attempt (or a failure the handler calls permanent) the job is dead and waits on
 * {@code /admin/jobs}, with its last error, for an admin to retry it. Handlers are idempotent: a node that dies after
 * the work and before recording it makes the work run twice.
 * <p>
 * Why not db-scheduler (16.7.1 is on Maven Central): its Spring Boot starter targets Boot 3, its JSON serializer is
 * Jackson 2's while Gazette is on Jackson 3, and it keeps no dead letters: after its last retry a one-time task is
 * removed, with no error text to show an admin. Gazette would have needed a table of its own beside its
 * {@code scheduled_tasks} for the page and the errors, and a transaction-aware data source to schedule inside a
 * feature's transaction. The claim-with-a-conditional-update the four hand-made queues already shared is small, runs
 * the same on H2 and PostgreSQL, and is now written once.
 * <p>
 * The worker stops with the application before the database closes (the same phase as
 * {@code background.ShutdownDrain}): a run under way gets {@code gazette.jobs.drain-timeout} to finish, and a claim
 * cut off lapses and is retried. Event listeners that enqueue jobs pass a key, unique per kind, so a listener that
 * {@code background.EventRetries} runs again enqueues nothing new.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs", allowedDependencies = "publication")
package dev.gazette.jobs;
