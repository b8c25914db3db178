/**
 * The site around the features: layout data, the reading pages that compose articles and discussions, error pages
 * and problem JSON, security headers. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.gazette.web;
