/**
 * The account feature's inside: the repository and tokens, the security configuration and the sign-in watch, the
 * account pages, settings, set-up and people admin pages with their views (public for the templates only), the
 * account API, avatars, and {@code YourData} (the copy of everything held, deleting an account). Public only so that
 * the feature's own package can use them; no other feature may (Spring Modulith checks it). Some methods of the
 * feature's services that only these pages call ({@code Passwords.reset}, {@code Profiles.confirmEmailChange}, …)
 * are public for the same reason: Java cannot make a method visible to a subpackage alone.
 */
package dev.gazette.account.internal;
