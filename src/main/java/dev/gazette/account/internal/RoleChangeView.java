package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.Role;

import java.util.List;

/**
 * The page that asks an admin to confirm a role change, saying what the change will do before it is done. Granting
 * admin asks for an explicit tick as well: an admin can do everything, including take away the granting admin's own
 * role.
 */
public record RoleChangeView(Account person, Role role, boolean grant, String query, boolean self, String problem) {

	public String headline() {
		return grant ? "Make " + person.displayName() + " " + article(role) + " " + role.key() + "?"
				: "Take the " + role.key() + " role away from " + person.displayName() + "?";
	}

	/** What the person will (or will no longer) be able to do, one sentence each. */
	public List<String> effects() {
		List<String> powers = powers(role);
		String who = person.displayName();
		if (grant) {
			return powers.stream().map(power -> who + " will be able to " + power + ".").toList();
		}
		return powers.stream().map(power -> who + " will no longer be able to " + power
				+ (otherRoleKeeps(power) ? " (unless another of their roles allows it)" : "") + ".").toList();
	}

	public String signOutNote() {
		return self ? "You will be signed out everywhere, and sign in again with your new roles."
				: person.displayName() + " will be signed out everywhere, and sign in again with the new roles.";
	}

	public boolean grantsAdmin() {
		return grant && role == Role.ADMIN;
	}

	public String confirmLabel() {
		return grant ? "Yes, make " + person.displayName() + " " + article(role) + " " + role.key()
				: "Yes, take the " + role.key() + " role away";
	}

	private boolean otherRoleKeeps(String power) {
		return person.roles().stream().filter(r -> r != role).anyMatch(r -> powers(r).contains(power));
	}

	private static String article(Role role) {
		return role == Role.ADMIN || role == Role.EDITOR || role == Role.AUTHOR ? "an" : "a";
	}

	public static List<String> powers(Role role) {
		return switch (role) {
			case READER -> List.of();
			case CONTRIBUTOR -> List.of("draft pieces and send them to the editors for review");
			case AUTHOR -> List.of("write pieces and publish their own");
			case EDITOR -> List.of("edit, schedule, publish and unpublish anyone’s pieces",
					"manage sections, tags, authors, the site’s pages and pitches");
			case MODERATOR -> List.of("approve, reject and feature comments", "suspend and ban commenters");
			case ADMIN -> List.of("do everything every other role can",
					"change the publication’s settings, including the name and the mail sender",
					"give and take away any role, yours included", "see every account’s e-mail address");
		};
	}
}
