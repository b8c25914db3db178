/**
 * Portraits: the square pictures of people, account avatars and author pictures, made from an upload in one way.
 * Needs no other feature, so both the accounts and the articles feature may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portraits", allowedDependencies = {})
package dev.gazette.portrait;
