/**
 * Mail to one person at a time: verification and password-reset mail now, notifications and newsletters later.
 * Other features call {@link dev.gazette.mail.Mailer#send(Mail)} inside their own transaction and, to write the
 * message, {@link dev.gazette.mail.MailTemplates}.
 * <p>
 * Every mail is first a row in the outbox ({@code mail_message}), written in the caller's transaction, so a mail
 * exists exactly when what caused it committed. Without {@code spring.mail.host} a mail is <em>stored</em>: the outbox
 * page {@code /admin/outbox} is where it is read. With an SMTP host a mail is <em>queued</em>: a job of the job queue
 * ({@code mail.send}), written in the same transaction, sends it after the commit on a worker thread, retrying with
 * back-off, and the outbox records every attempt ({@code mail_attempt}). The queue's claims let several nodes share
 * the work without sending a mail twice (unless a node dies mid-send: delivery is at least once); a mail whose last
 * attempt failed is a dead job that an admin can retry at {@code /admin/jobs}.
 *
 * <h2>Adding a message</h2>
 * A message is a record implementing {@link dev.gazette.mail.MailMessage} in the sending feature's {@code mail}
 * package, whose {@code template()} names its two jte templates, for example {@code account/mail/verify-email}:
 * <ul>
 * <li>{@code src/main/jte-text/account/mail/verify-email.jte}, plain text, written out as is (no escaping). Its first
 * line is {@code Subject: ...}, then a blank line, then the body.</li>
 * <li>{@code src/main/jte/account/mail/verify-email.jte}, the HTML alternative, escaped like every page. It is
 * optional, but every message Gazette sends has one.</li>
 * </ul>
 * Each template's only parameter is the record, named {@code mail}, so the build's template compiler checks every
 * field it uses. Then {@code mailer.send(templates.render(new VerifyEmail(...)).to(address, "CATEGORY"))}. The build
 * precompiles both (two executions of the jte Maven plugin); {@link dev.gazette.mail.TestMessage} is the example.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = { "publication", "jobs" })
package dev.gazette.mail;
