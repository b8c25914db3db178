/**
 * The publication itself: its settings, its masthead and dateline in two calendars, and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication")
package dev.gazette.publication;
