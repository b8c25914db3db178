/** The publication's inside: the clock bean. Other features use {@link dev.gazette.publication.Publications}. */
package dev.gazette.publication.internal;
