package com.trellis.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether Trellis may send a request to a URL someone gave it (a Slack webhook
 * today, outbound webhooks tomorrow), so that nobody can make the server call itself or
 * the network behind it. Only {@code http} and {@code https} URLs of at most
 * {@value #MAX_LENGTH} characters with a host and no user info pass; an address is
 * refused when it is not globally reachable: loopback, link-local, private, unique-local,
 * shared (carrier-grade NAT), multicast, broadcast, unspecified, or a documentation,
 * benchmarking or reserved block of IANA's special-purpose registries; also when it hides
 * in an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 form (Teredo is refused whole);
 * a numeric host written in any form other than four plain decimal parts (decimal
 * {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}) is refused because
 * clients read such forms differently. Check the URL when it is entered and again, with
 * the addresses its host resolves to, just before each request (DNS may change).
 */
public final class OutboundUrlPolicy {

	/** The longest URL accepted. */
	public static final int MAX_LENGTH = 500;

	/** The reason for a port outside 1 to 65535, with the port. */
	public static final String INVALID_PORT = "has an invalid port (%d); a port is 1 to 65535";

	private static final Pattern NUMERIC_HOST = Pattern.compile("^[0-9a-fA-FxX.]+$");

	private static final Pattern DOTTED_QUAD = Pattern.compile("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$");

	private static final Pattern HAS_DIGIT_ONLY_LABELS = Pattern.compile("^[0-9.]+$|^0[xX].*|.*\\.0[xX].*");

	/** A URL's scheme, user info (if any), host and the rest, for {@link #asciiHost}. */
	private static final Pattern HOST_PART = Pattern
		.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#]*@)?([^/?#:\\[\\]]+)(.*)$", Pattern.DOTALL);

	/**
	 * Host names to ASCII by UTS #46, nontransitional (as browsers), with the standard
	 * host-name characters, joiners and right-to-left labels checked.
	 */
	private static final com.ibm.icu.text.IDNA IDNA = com.ibm.icu.text.IDNA
		.getUTS46Instance(com.ibm.icu.text.IDNA.NONTRANSITIONAL_TO_ASCII | com.ibm.icu.text.IDNA.USE_STD3_RULES
				| com.ibm.icu.text.IDNA.CHECK_BIDI | com.ibm.icu.text.IDNA.CHECK_CONTEXTJ);

	private OutboundUrlPolicy() {
	}

	/**
	 * The URL, stripped, with an internationalised host name written in the ASCII form
	 * that is resolved and called ({@code https://bücher.example/} as
	 * {@code https://xn--bcher-kva.example/}), by UTS #46 without its transitional
	 * mapping, as browsers convert it ({@code faß.de} is {@code xn--fa-hia.de}, not
	 * {@code fass.de}); any other URL unchanged. A name without an ASCII form stays as
	 * written, for {@link #check} to refuse. Store a URL in this form, so that what is
	 * shown is what is called.
	 */
	public static String asciiHost(String url) {
		if (url == null) {
			return null;
		}
		var stripped = url.strip();
		var ascii = toAscii(stripped);
		return ascii == null ? stripped : ascii;
	}

	/**
	 * The stripped URL with its host in ASCII form (unchanged when the host is ASCII or
	 * the URL has no recognisable host), or null when the host has no ASCII form or an
	 * ASCII host has an {@code xn--} label that is no valid punycode.
	 */
	private static String toAscii(String stripped) {
		var parts = HOST_PART.matcher(stripped);
		if (!parts.matches()) {
			return stripped;
		}
		var ascii = new StringBuilder();
		var info = new com.ibm.icu.text.IDNA.Info();
		if (parts.group(3).chars().allMatch(c -> c < 0x80)) {
			// an ASCII host is its own ASCII form, unless an xn-- label in it is no valid
			// punycode, which no name converts to; only those labels are checked, as
			// browsers take "ab--cd" in a plain label
			for (var label : parts.group(3).split("\\.")) {
				if (label.toLowerCase(Locale.ROOT).startsWith("xn--")) {
					IDNA.labelToUnicode(label, new StringBuilder(), info);
				}
			}
			return info.hasErrors() ? null : stripped;
		}
		IDNA.nameToASCII(parts.group(3), ascii, info);
		if (info.hasErrors()) {
			return null;
		}
		return parts.group(1) + (parts.group(2) == null ? "" : parts.group(2)) + ascii + parts.group(4);
	}

	/**
	 * Checks the URL's form alone, without looking at its address: an http or https URL
	 * of at most {@value #MAX_LENGTH} characters (in the form {@link #asciiHost} gives)
	 * with a host name that has one ASCII form, a valid port and no user info.
	 */
	public static Decision checkForm(String url) {
		return parseForm(url).decision();
	}

	/** The form's verdict and, when allowed, the URL parsed in its ASCII form. */
	private record Form(Decision decision, URI uri) {

		static Form refused(String reason) {
			return new Form(Decision.refused(reason), null);
		}

	}

	private static Form parseForm(String url) {
		if (url == null || url.isBlank()) {
			return Form.refused("is empty");
		}
		var stripped = url.strip();
		var ascii = toAscii(stripped);
		if (ascii == null) {
			return Form.refused("has an invalid host name (it has no valid ASCII xn-- form)");
		}
		if (ascii.length() > MAX_LENGTH) {
			return Form.refused(stripped.length() > MAX_LENGTH ? "is longer than " + MAX_LENGTH + " characters"
					: "is longer than " + MAX_LENGTH + " characters in the ASCII form its host is called by ("
							+ ascii.length() + ")");
		}
		URI uri;
		try {
			uri = new URI(ascii);
		}
		catch (URISyntaxException ex) {
			return Form.refused("is not a valid URL");
		}
		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Form.refused("must be an http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			return Form.refused("must not contain a user name or password");
		}
		var host = uri.getHost();
		if (host == null && uri.getRawAuthority() != null) {
			// an authority Java could not split: user info with a second "@" in it, or a
			// host that is neither a name nor an address in any form ("a..b")
			var authority = uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
			if (authority.contains("@")) {
				return Form.refused("must not contain a user name or password");
			}
			return NUMERIC_HOST.matcher(authority).matches() && HAS_DIGIT_ONLY_LABELS.matcher(authority).matches()
					? Form.refused("has an IP address in a non-standard form (" + authority + ")")
					: Form.refused("has an invalid host name");
		}
		if (host == null || host.isBlank()) {
			return Form.refused("has no host name");
		}
		if (!validPort(uri)) {
			return Form.refused(INVALID_PORT.formatted(uri.getPort()));
		}
		return new Form(Decision.ALLOWED, uri);
	}

	/** Checks the URL as written, without looking its host up. */
	public static Decision check(String url) {
		var form = parseForm(url);
		return form.decision().allowed() ? checkHost(form.uri().getHost()) : form.decision();
	}

	private static Decision checkHost(String host) {
		if (host.startsWith("[")) {
			try {
				return checkAddress(InetAddress.getByName(host.substring(1, host.length() - 1)));
			}
			catch (UnknownHostException ex) {
				return Decision.refused("has an invalid IPv6 address");
			}
		}
		if (NUMERIC_HOST.matcher(host).matches() && HAS_DIGIT_ONLY_LABELS.matcher(host).matches()) {
			if (!DOTTED_QUAD.matcher(host).matches()) {
				return Decision.refused("has an IP address in a non-standard form (" + host + ")");
			}
			try {
				return checkAddress(InetAddress.getByName(host));
			}
			catch (UnknownHostException ex) {
				return Decision.refused("has an invalid IPv4 address");
			}
		}
		var name = host.toLowerCase(Locale.ROOT).replaceFirst("\\.+$", "");
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return Decision.refused("points at this server (" + host + ")");
		}
		return Decision.ALLOWED;
	}

	/**
	 * Checks the URL and every address its host resolves to now; use it just before the
	 * request is sent.
	 */
	public static Decision checkResolved(String url, Resolver resolver) {
		var form = parseForm(url);
		if (!form.decision().allowed()) {
			return form.decision();
		}
		var host = form.uri().getHost();
		var written = checkHost(host);
		if (!written.allowed()) {
			return written;
		}
		if (host.startsWith("[")) {
			return written;
		}
		List<InetAddress> addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return Decision.unresolved(host);
		}
		if (addresses.isEmpty()) {
			return Decision.unresolved(host);
		}
		for (var address : addresses) {
			var decision = checkAddress(address);
			if (!decision.allowed()) {
				return Decision.refused("has a host " + host + " that resolves to a "
						+ decision.reason().replaceFirst("^points at an? ", ""));
			}
		}
		return Decision.ALLOWED;
	}

	/** Whether the URL names no port (the scheme's default) or one from 1 to 65535. */
	public static boolean validPort(URI uri) {
		return uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535;
	}

	/** Whether Trellis may connect to this address. */
	public static Decision checkAddress(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			var embedded = SpecialAddresses.embeddedIpv4(v6.getAddress());
			if (embedded != null) {
				return checkAddress(embedded);
			}
		}
		var text = address.getHostAddress();
		if (address.isAnyLocalAddress()) {
			return Decision.refused("points at an unspecified address " + text);
		}
		if (address.isLoopbackAddress()) {
			return Decision.refused("points at a loopback address " + text);
		}
		if (address.isLinkLocalAddress()) {
			return Decision.refused("points at a link-local address " + text);
		}
		if (address.isSiteLocalAddress()) {
			return Decision.refused("points at a private address " + text);
		}
		if (address.isMulticastAddress()) {
			return Decision.refused("points at a multicast address " + text);
		}
		var block = SpecialAddresses.notPublic(address.getAddress());
		return block == null ? Decision.ALLOWED : Decision.refused("points at " + block + " " + text);
	}

	/** Looks a host name up; the system resolver by default, another in tests. */
	@FunctionalInterface
	public interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

		static Resolver system() {
			return host -> List.of(InetAddress.getAllByName(host));
		}

	}

	/**
	 * The verdict with its reason, written to follow the field name ("url is longer than
	 * 500 characters").
	 */
	public record Decision(boolean allowed, String reason, boolean temporary) {

		static final Decision ALLOWED = new Decision(true, "may be called");

		/** A decision that holds until the URL changes. */
		public Decision(boolean allowed, String reason) {
			this(allowed, reason, false);
		}

		static Decision refused(String reason) {
			return new Decision(false, reason);
		}

		/**
		 * Refused for now only: the host did not resolve (a name server down, a record
		 * being changed); a delivery asks again later instead of giving up.
		 */
		static Decision unresolved(String host) {
			return new Decision(false, "has a host that cannot be resolved (" + host + ")", true);
		}

	}

}
