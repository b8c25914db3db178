/**
 * The staff's home and the publication's settings page with their views (public for jte). No other module calls into
 * this one, so its base package holds only its description.
 */
package dev.gazette.admin.internal;
