package com.trellis.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domains that never identify a company: free-mail and ISP mailbox domains. The list is
 * the maintained npm package {@code free-email-domains}, vendored under
 * {@code src/main/resources/matching/} by {@code bin/update-free-mail-domains} (never
 * typed by hand). Hosting platforms that give every customer a subdomain
 * ({@code github.io}, {@code herokuapp.com}) are in the public suffix list's private
 * section, so {@link CompanyIdentity#registrableDomain} already keeps the customer's own
 * label.
 */
final class FreeMailDomains {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private static final Set<String> DOMAINS = load();

	private FreeMailDomains() {
	}

	static boolean contains(String registrableDomain) {
		return registrableDomain != null && DOMAINS.contains(registrableDomain);
	}

	static int size() {
		return DOMAINS.size();
	}

	private static Set<String> load() {
		try (var in = FreeMailDomains.class.getResourceAsStream("/matching/free-email-domains.json")) {
			if (in == null) {
				throw new IllegalStateException("matching/free-email-domains.json is missing from the class path");
			}
			var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			var domains = new HashSet<String>();
			var matcher = QUOTED.matcher(text);
			while (matcher.find()) {
				domains.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
			}
			return Set.copyOf(domains);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
