package dev.gazette.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses count as one client for every limit: IPv4 by address, IPv6 by /64, mapped IPv4 as IPv4. */
class ClientAddressesTests {

	@Test
	void anIpv4AddressIsAClientOfItsOwn() {
		assertThat(ClientAddresses.client("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ClientAddresses.client("203.0.113.8")).isNotEqualTo(ClientAddresses.client("203.0.113.7"));
	}

	@Test
	void ipv6AddressesInOneSlash64AreOneClient() {
		assertThat(ClientAddresses.client("2001:db8:1:2::1"))
			.isEqualTo(ClientAddresses.client("2001:db8:1:2:ffff:eeee:dddd:cccc"))
			.isEqualTo(ClientAddresses.client("2001:0DB8:0001:0002:0:0:0:9"))
			.isEqualTo(ClientAddresses.client("[2001:db8:1:2::5]"))
			.isEqualTo(ClientAddresses.client("2001:db8:1:2::7%eth0"))
			.isEqualTo("20010db800010002::/64");
	}

	@Test
	void ipv6AddressesInAnotherSlash64AreAnotherClient() {
		assertThat(ClientAddresses.client("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.client("2001:db8:1:2::1"));
	}

	@Test
	void anIpv4MappedIpv6AddressIsTheIpv4Client() {
		assertThat(ClientAddresses.client("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ClientAddresses.client("::ffff:cb00:7107")).isEqualTo("203.0.113.7");
	}

	@Test
	void somethingThatIsNoAddressIsKeptAsItIsAndNeverLookedUp() {
		assertThat(ClientAddresses.client("unknown:host")).isEqualTo("unknown:host");
		assertThat(ClientAddresses.client("not-an-address")).isEqualTo("not-an-address");
		assertThat(ClientAddresses.client(null)).isEqualTo("null");
	}
}
