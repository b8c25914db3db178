package dev.gazette.account;

/** What a new reader gives to join. */
public record SignUp(String email, String displayName, String password) {
}
