/** The outbox page's view models: public for the templates only; no other feature may use them. */
package dev.gazette.mail.internal;
