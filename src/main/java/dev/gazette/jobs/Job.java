package dev.gazette.jobs;

/**
 * One run of a job as its handler sees it.
 *
 * @param key what the job is about, unique per kind (a mail's id, a delivery's id)
 * @param attempt this run's number, counting from 1; runs cut off by a dead node count too
 */
public record Job<P>(long id, String kind, String key, P payload, int attempt) {
}
