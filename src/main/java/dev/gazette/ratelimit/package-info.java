/**
 * Rate limits per client, for every feature that must not be used to flood anyone: sign-in, sign-up and reset,
 * pitches, the newsletter, "email a copy to a friend", and the comment feature's per-client spam checks.
 * {@link dev.gazette.ratelimit.RateLimiter} keeps the token buckets; {@link dev.gazette.ratelimit.ClientAddresses}
 * says which network addresses are one client (an IPv6 address by its /64, since one household or server is handed a
 * whole /64 and could otherwise take a fresh address per attempt).
 * <p>
 * A module of its own, depending on nothing, so that any feature may use it: the features that limit clients sit on
 * different levels (accounts low, newsroom and syndication high), and the shared {@code web} module is the top one that
 * nothing may depend on. Each feature keeps its limits' numbers in its own properties and names its limits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits", allowedDependencies = {})
package dev.gazette.ratelimit;
