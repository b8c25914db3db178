package dev.gazette.site;

/**
 * Who is signed in, as the layout shows them: their id (for the link to their profile), their name, and which staff
 * links they get. Built by the web module from the account's principal, so this module needs no account types.
 *
 * @param writes whether they write for the publication (contributor, author, editor or admin): the newsroom's links
 * @param moderates whether they moderate comments (moderator or admin)
 */
public record Viewer(long id, String displayName, boolean writes, boolean moderates) {
}
