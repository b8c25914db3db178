/** The demo publication that a fresh install starts with. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content")
package dev.gazette.demo;
