package dev.gazette.transfer;

/**
 * What an export leaves in or out. {@code readersEmails}: the e-mail addresses of commenters (guests' as they gave
 * them, members' from their accounts). WordPress's own export carries them, and a publication moving its discussion
 * needs them to keep its moderators' view of who wrote what; a copy made for another tool seldom does. They are left
 * out unless asked for ({@code --with-emails}, or the admin page's box).
 */
public record ExportOptions(boolean readersEmails) {
}
