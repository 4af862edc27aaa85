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

	/**
	 * A bare domain a field keeps, or nothing: dot-separated labels of letters, digits
	 * and inner hyphens (1–63 characters, none empty, none starting or ending with a
	 * hyphen; s55: {@code acme..com} and {@code redwoodview-.de} were kept), a final
	 * label of letters or an {@code xn--} one, at most 253 characters in all. For
	 * {@code @Pattern} on a command's field after {@link #bare}.
	 */
	public static final String PATTERN = "^$|^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
			+ "(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$";

	/** What a field refusing a domain says. */
	public static final String MESSAGE = "must be a bare web domain such as example.com";

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
