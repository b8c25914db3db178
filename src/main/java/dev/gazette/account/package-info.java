/**
 * Reader accounts and who may do what: sign-up, verification, sign-in, passwords, profiles, roles, personal
 * access tokens, the first admin, and the security configuration of the whole site. Other features use
 * {@link dev.gazette.account.Accounts} (reads and the mail switches), {@link dev.gazette.account.Registration} (the
 * newsroom invites contributors), {@link dev.gazette.account.AccountPrincipal} and the events in
 * {@link dev.gazette.account.AccountEvents}, and contribute to "download your data" through
 * {@link dev.gazette.account.PersonalData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = { "publication", "mail", "portrait", "ratelimit", "refusal", "site" })
package dev.gazette.account;
