package dev.gazette.account.internal;

import dev.gazette.account.Account;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.FormState;

import java.util.List;

/**
 * The settings page: the account, its tokens, each form's state, and a token just created (shown once) or a
 * confirmation of what was just saved.
 */
public record SettingsView(Account account, List<ApiTokens.TokenInfo> tokens, FormState profile, FormState password,
		FormState email, FormState token, FormState avatar, FormState delete, String newToken, String saved) {
}
