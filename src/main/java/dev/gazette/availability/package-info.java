/**
 * How a node behaves when something it depends on fails or is abused: the database's time limits (a pool wait of a
 * few seconds, socket timeouts for PostgreSQL), a health check that answers DOWN within its own time budget when the
 * database does not answer, and request bodies read without holding a thread while a slow client dribbles them in.
 * An outage must be seen quickly and answered quickly (503 with {@code Retry-After}), never waited out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Availability")
package dev.gazette.availability;
