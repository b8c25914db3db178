package dev.gazette.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Which client a network address stands for, the one rule every limit and per-client check uses: an IPv4 address as it
 * is; an IPv6 address by its /64 (one household, phone or server is given a whole /64 and may pick any address in it,
 * so counting addresses would let it past every limit); an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}, as a
 * dual-stack server may report an IPv4 reader) as the IPv4 address it carries.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	/** The client's key: the address itself for IPv4, {@code <first 8 bytes in hex>::/64} for IPv6. */
	public static String client(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		String literal = literal(address);
		if (literal == null) {
			return address;
		}
		try {
			// A literal of hex digits, colons and dots only: parsed, never looked up by name.
			InetAddress parsed = InetAddress.getByName(literal);
			byte[] bytes = parsed.getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** The address without brackets or zone, or {@code null} if it is not an IPv6 literal (nothing to resolve). */
	private static String literal(String address) {
		String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		int zone = bare.indexOf('%');
		if (zone >= 0) {
			bare = bare.substring(0, zone);
		}
		if (bare.isEmpty()) {
			return null;
		}
		for (int i = 0; i < bare.length(); i++) {
			char c = bare.charAt(i);
			if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
				return null;
			}
		}
		return bare;
	}
}
