package com.trellis.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address blocks {@link OutboundUrlPolicy} refuses beyond the JDK's own checks, and
 * the IPv4 address some IPv6 forms carry.
 */
final class SpecialAddresses {

	private SpecialAddresses() {
	}

	/**
	 * What the address is when it lies in a block below ("a documentation address"), else
	 * null.
	 */
	static String notPublic(byte[] address) {
		for (var block : NOT_PUBLIC) {
			if (block.holds(address)) {
				return block.what();
			}
		}
		return null;
	}

	/**
	 * The blocks of IANA's special-purpose address registries (RFC 6890 and later) that
	 * are not globally reachable and that the JDK's checks do not already name, and the
	 * IPv6 transition forms that carry an address Trellis cannot check (6to4's embedded
	 * IPv4 is checked itself).
	 */
	private static final List<Block> NOT_PUBLIC = List.of(new Block("0.0.0.0", 8, "an unspecified address"),
			new Block("100.64.0.0", 10, "a private address (shared address space)"),
			new Block("192.0.0.0", 24, "a reserved address (IETF protocol assignments)"),
			new Block("192.0.2.0", 24, "a documentation address"),
			new Block("198.51.100.0", 24, "a documentation address"),
			new Block("203.0.113.0", 24, "a documentation address"),
			new Block("198.18.0.0", 15, "a benchmarking address"),
			new Block("192.88.99.0", 24, "a reserved address (6to4 relay anycast)"),
			new Block("240.0.0.0", 4, "a reserved or broadcast address"),
			new Block("fc00::", 7, "a unique-local address"), new Block("100::", 64, "a discard-only address"),
			new Block("2001:db8::", 32, "a documentation address"),
			new Block("2001::", 23, "a reserved address (IETF protocol assignments, Teredo)"),
			new Block("64:ff9b:1::", 48, "a local-use translation address"),
			new Block("3fff::", 20, "a documentation address"), new Block("5f00::", 16, "a reserved address (SRv6)"));

	/** An address block: its first address and prefix length. */
	private record Block(byte[] start, int bits, String what) {

		Block(String start, int bits, String what) {
			this(literal(start), bits, what);
		}

		boolean holds(byte[] address) {
			if (address.length != this.start.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((address[bit / 8] & mask) != (this.start[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

		private static byte[] literal(String text) {
			try {
				return InetAddress.getByName(text).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(text, ex);
			}
		}

	}

	/**
	 * The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4
	 * ({@code 2002::/16}, bits 16 to 47) IPv6 address.
	 */
	static InetAddress embeddedIpv4(byte[] b) {
		boolean zeroPrefix = true;
		for (int i = 0; i < 10; i++) {
			zeroPrefix &= b[i] == 0;
		}
		boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& java.util.stream.IntStream.range(4, 12).allMatch(i -> b[i] == 0);
		boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
		if (!mapped && !compatible && !nat64 && !sixToFour) {
			return null;
		}
		try {
			return InetAddress.getByAddress(
					sixToFour ? new byte[] { b[2], b[3], b[4], b[5] } : new byte[] { b[12], b[13], b[14], b[15] });
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
