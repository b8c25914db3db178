package dev.gazette.account;

import java.util.List;

/**
 * The settings page: the account, its tokens, each form's state, and a token just created (shown once) or a
 * confirmation of what was just saved.
 */
public record SettingsView(Account account, List<ApiTokens.TokenInfo> tokens, FormState profile, FormState password,
		FormState email, FormState token, FormState avatar, FormState delete, String newToken, String saved) {
}
