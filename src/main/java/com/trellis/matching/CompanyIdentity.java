package com.trellis.matching;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.common.net.InternetDomainName;
import com.trellis.shared.validation.WebDomainRule;

/**
 * How Trellis recognises the same company behind different spellings: the registrable
 * domain (public suffix list aware, so {@code shop.acme.co.uk} is {@code acme.co.uk}),
 * which identifies a company unless it is a free-mail or ISP domain, and the company name
 * transliterated to ASCII, without case, punctuation and legal suffixes.
 */
public final class CompanyIdentity {

	/**
	 * Invisible format characters (Unicode Cf: soft hyphen, zero-width space and joiners,
	 * bidi marks): "North{U+200B}gate" is "Northgate" to the reader, so it is to the
	 * matcher (s55: such a name split into two words and slipped past the conflict
	 * check).
	 */
	public static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern INITIALS = Pattern.compile("\\b(\\p{L})\\.\\s?(\\p{L})\\.");

	private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02b9\u02bc`]");

	private static final Pattern SLASHED = Pattern.compile("\\b(\\p{L})/(\\p{L})\\b");

	private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "lp", "ltd",
			"limited", "gmbh", "mbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "corp",
			"corporation", "co", "company", "pty", "oy", "ab", "as", "aps", "kk", "pte", "pvt", "se");

	private CompanyIdentity() {
	}

	/**
	 * A web address as the bare domain the records keep: lower case, without scheme,
	 * {@code www.}, port, path or final dot ({@code https://www.Acme.com/about} is
	 * {@code acme.com}, {@code eu.acme.com} stays); null for none. Not checked: see
	 * {@link #registrableDomain}.
	 */
	public static String bareDomain(String webAddress) {
		return WebDomainRule.bare(webAddress);
	}

	/**
	 * The registrable domain of a web address or domain, or null when there is none.
	 */
	public static String registrableDomain(String webAddress) {
		var host = bareDomain(webAddress);
		if (host == null) {
			return null;
		}
		try {
			var domain = InternetDomainName.from(IDN.toASCII(host));
			if (domain.isUnderPublicSuffix()) {
				return domain.topPrivateDomain().toString();
			}
			return null;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return null;
		}
	}

	/**
	 * The registrable domain of a web address when it can stand for one company, or null:
	 * free-mail and ISP domains ({@code gmail.com}, {@code t-online.de}) are shared by
	 * countless customers and never identify one.
	 */
	public static String identityDomain(String webAddress) {
		var domain = registrableDomain(webAddress);
		return FreeMailDomains.contains(domain) ? null : domain;
	}

	/** Whether a web address or e-mail domain is a free-mail or ISP domain. */
	public static boolean isFreeMail(String webAddress) {
		return FreeMailDomains.contains(registrableDomain(webAddress));
	}

	/**
	 * The company name folded for comparison, or null when nothing is left; invisible
	 * format characters ({@link #INVISIBLE}) are dropped first.
	 */
	public static String normalizedName(String name) {
		if (name == null) {
			return null;
		}
		var visible = INVISIBLE.matcher(name).replaceAll("");
		var folded = Transliteration.toAscii(visible).toLowerCase(Locale.ROOT).replace("&", " and ");
		// "S.A." and "S. A." become one token before punctuation is dropped
		folded = INITIALS.matcher(folded).replaceAll("$1$2");
		// apostrophes join ("McDonald's" is "mcdonalds", the soft sign of "Nikel'" goes)
		folded = APOSTROPHES.matcher(folded).replaceAll("");
		// "A/S" and "K/S" are the legal suffixes "as" and "ks"
		folded = SLASHED.matcher(folded).replaceAll("$1$2");
		var tokens = NOT_WORD.split(folded.strip());
		var kept = new StringBuilder();
		int last = tokens.length;
		while (last > 1 && LEGAL_SUFFIXES.contains(tokens[last - 1])) {
			last--;
		}
		for (int i = 0; i < last; i++) {
			if (tokens[i].isEmpty() || tokens[i].equals("the") && i == 0) {
				continue;
			}
			if (kept.length() > 0) {
				kept.append(' ');
			}
			kept.append(tokens[i]);
		}
		return kept.length() == 0 ? null : kept.toString();
	}

}
