package com.trellis.shared.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Trellis reads a web domain typed or imported anywhere (a partner's, an account's, a
 * lead's, a registration's customer): the bare domain the records keep, in lower case,
 * without scheme, {@code www.}, port, path or final dot.
 * {@code https://www.Acme.com/about} is {@code acme.com}; {@code eu.acme.com} stays.
 * Whether the result is a domain at all is each field's own check.
 */
public final class WebDomainRule {

	private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");

	// compiled once: a list of 100,000 names is read at a time
	private static final Pattern PATH = Pattern.compile("[/?#].*$");

	private static final Pattern PORT = Pattern.compile(":\\d+$");

	private static final Pattern WWW = Pattern.compile("^www\\d*\\.");

	private static final Pattern ROOT_DOT = Pattern.compile("\\.$");

	private WebDomainRule() {
	}

	/**
	 * The bare domain of a web address or domain; null for null or blank; the text as
	 * typed (in lower case) when nothing of a host is left ({@code https://}).
	 */
	public static String bare(String webAddress) {
		if (webAddress == null || webAddress.isBlank()) {
			return null;
		}
		var host = SCHEME.matcher(webAddress.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
		host = PATH.matcher(host).replaceFirst("");
		host = PORT.matcher(host).replaceFirst("");
		host = WWW.matcher(host).replaceFirst("");
		host = ROOT_DOT.matcher(host).replaceFirst("");
		// nothing left of "https://" or "www.": the text as typed, for the field's check
		// to refuse, never an empty domain
		return host.isEmpty() ? webAddress.strip().toLowerCase(Locale.ROOT) : host;
	}

}
