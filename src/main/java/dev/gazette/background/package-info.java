/**
 * Work that runs behind the requests, as a whole: retrying event listeners that failed or were cut off, while the node
 * runs and on every node ({@link dev.gazette.background.EventRetries}); draining that work before the database closes
 * at shutdown ({@link dev.gazette.background.ShutdownDrain}); and keeping the embedded H2 file compact
 * ({@link dev.gazette.background.EmbeddedDatabaseUpkeep}). Nothing depends on this module; it reaches the others only
 * through Spring Modulith's event publication registry.
 * <p>
 * Listeners are idempotent, so a retry of one that had in fact done its work (a node that died between the work and
 * the registry's record of it, or a publication retried while still queued on a busy node) changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background work", allowedDependencies = {})
package dev.gazette.background;
