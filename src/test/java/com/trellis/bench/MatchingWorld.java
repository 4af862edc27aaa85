package com.trellis.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.ibm.icu.text.Transliterator;
import com.trellis.matching.CompanyIdentity;

/**
 * The generated world of {@link MatchingBenchmark}: vendor accounts with unique
 * normalised names, and a partner list whose rows are labelled with the account they
 * truly are (or none). True pairs: the same company under its own or another domain, with
 * no domain, with a free-mail domain, spelt without accents or in Latin letters (the
 * account in Cyrillic), with one slip of the keyboard, a subsidiary on a subdomain, and
 * one company among several sharing a group domain, decided by the name. Others:
 * greenfield companies, look-alike names, the same name in another country, free-mail
 * domains shared with accounts, subsidiaries by name alone and unknown names on a shared
 * group domain.
 */
final class MatchingWorld {

	private static final String[] SYLLABLES = { "ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pa", "ra", "se",
			"ti", "vo", "wa", "ze", "yo", "bri", "cra", "dro", "fle", "gri", "klo", "pre", "stu", "tro", "vel", "zen",
			"mar", "lun", "tor", "ver", "sol", "nor", "ast", "ber", "cal", "dex", "hal", "jor", "kem", "lis", "mod",
			"nix", "oph", "pur", "quo", "rin", "sab", "tam", "ul", "vix", "wen", "xa", "yr", "zu", "el", "an", "or",
			"is" };

	private static final String[] CYRILLIC = { "ка", "ро", "ми", "ле", "на", "сто", "зо", "ва", "гу", "де", "пре",
			"тор", "бу", "жи", "ша", "ль", "ин", "ов", "ск", "юр" };

	private static final String[] INDUSTRIES = { "Analytics", "Logistics", "Foods", "Clinics", "Robotics", "Hotels",
			"Energy", "Retail", "Labs", "Freight", "Dental", "Insurance", "Pharma", "Media", "Textiles", "Capital",
			"Mining", "Aerospace", "Telecom", "Brewing", "Systems", "Solutions", "Software", "Consulting", "Partners",
			"Holdings", "Industries", "Engineering", "Construction", "Chemicals", "Motors", "Bank", "Ventures",
			"Networks", "Security", "Health", "Logic", "Works", "Group", "Digital" };

	private static final String[] LEGAL = { "", "", " Ltd", " GmbH", " Inc.", " S.A.", " LLC", " B.V.", " plc", " AG",
			" Corp.", " Oy" };

	private static final String[] TLDS = { ".com", ".com", ".com", ".de", ".co.uk", ".fr", ".io", ".net", ".nl" };

	private static final String[] COUNTRIES = { "US", "US", "US", "DE", "GB", "FR", "NL", "CA", "SE", "ES", "IT",
			"AU" };

	private static final String[] FREE_MAIL = { "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "gmx.de",
			"web.de", "t-online.de" };

	private static final String[] ACCENTS = { "ü", "ö", "ä", "é", "è", "ø", "å", "ñ", "ç", "ł", "ß" };

	private static final Transliterator LATIN = Transliterator.getInstance("de-ASCII; Any-Latin; Latin-ASCII");

	/** A vendor account: id (1…), name, web domain, country (nulls allowed). */
	record Account(long id, String name, String domain, String country) {
	}

	/** A partner list row and the account it truly is (0 when none), with its kind. */
	record Row(String name, String domain, String country, long truth, String kind) {
	}

	final List<Account> accounts = new ArrayList<>();

	final List<Row> rows = new ArrayList<>();

	private final SplittableRandom random;

	private final Set<String> names = new HashSet<>();

	private final Set<String> domains = new HashSet<>();

	/** Group domains and the accounts sharing each. */
	private final Map<String, List<Account>> groups = new HashMap<>();

	private final List<Account> accented = new ArrayList<>();

	private final List<Account> cyrillic = new ArrayList<>();

	private final List<Account> typoable = new ArrayList<>();

	private MatchingWorld(long seed) {
		this.random = new SplittableRandom(seed);
	}

	static MatchingWorld generate(long seed, int accounts, int rows) {
		var world = new MatchingWorld(seed);
		world.accounts(accounts);
		world.rows(rows);
		return world;
	}

	// --- accounts

	private void accounts(int count) {
		while (this.accounts.size() < count) {
			double roll = this.random.nextDouble();
			if (roll < 0.01) {
				group();
				continue;
			}
			String name;
			if (roll < 0.04) {
				name = accentedName();
			}
			else if (roll < 0.06) {
				name = cyrillicName();
			}
			else {
				name = latinName();
			}
			if (!unique(name)) {
				continue;
			}
			String domain = null;
			double d = this.random.nextDouble();
			if (d < 0.85) {
				domain = domain(name);
			}
			else if (d < 0.87) {
				domain = pick(FREE_MAIL);
			}
			var account = add(name, domain);
			if (roll >= 0.01 && roll < 0.04) {
				this.accented.add(account);
			}
			else if (roll < 0.06) {
				this.cyrillic.add(account);
			}
			else if (longestWord(name).length() >= 7) {
				this.typoable.add(account);
			}
		}
	}

	/** 2 to 14 companies of one group on its domain ({@code ashford.com}). */
	private void group() {
		var head = coined();
		var domain = head.toLowerCase(Locale.ROOT) + "group.com";
		if (!this.domains.add(domain)) {
			return;
		}
		int members = 2 + this.random.nextInt(13);
		var group = new ArrayList<Account>();
		for (int i = 0; i < members && this.accounts.size() < Integer.MAX_VALUE; i++) {
			var name = head + " " + pick(INDUSTRIES) + pick(LEGAL);
			if (unique(name)) {
				group.add(add(name, domain));
			}
		}
		if (group.size() > 1) {
			this.groups.put(domain, group);
		}
	}

	private Account add(String name, String domain) {
		var country = this.random.nextDouble() < 0.05 ? null : pick(COUNTRIES);
		var account = new Account(this.accounts.size() + 1, name, domain, country);
		this.accounts.add(account);
		return account;
	}

	private boolean unique(String name) {
		var normalized = CompanyIdentity.normalizedName(name);
		return normalized != null && this.names.add(normalized);
	}

	private String latinName() {
		double shape = this.random.nextDouble();
		if (shape < 0.5) {
			return coined() + " " + pick(INDUSTRIES) + pick(LEGAL);
		}
		if (shape < 0.7) {
			return coined() + " " + coined() + pick(LEGAL);
		}
		if (shape < 0.85) {
			return coined() + pick(LEGAL);
		}
		return coined() + " " + pick(INDUSTRIES) + " " + pick(INDUSTRIES) + pick(LEGAL);
	}

	private String accentedName() {
		var word = new StringBuilder(coined());
		int at = 1 + this.random.nextInt(word.length() - 1);
		word.replace(at, at + 1, pick(ACCENTS));
		return word + " " + pick(INDUSTRIES) + pick(LEGAL);
	}

	private String cyrillicName() {
		var word = new StringBuilder();
		int syllables = 3 + this.random.nextInt(2);
		for (int i = 0; i < syllables; i++) {
			word.append(pick(CYRILLIC));
		}
		word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
		return word.toString();
	}

	private String coined() {
		var word = new StringBuilder();
		int syllables = 3 + this.random.nextInt(2);
		for (int i = 0; i < syllables; i++) {
			word.append(pick(SYLLABLES));
		}
		word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
		return word.toString();
	}

	private String domain(String name) {
		var base = CompanyIdentity.normalizedName(name).replace(" ", "");
		for (int i = 0;; i++) {
			var domain = base + (i == 0 ? "" : Integer.toString(i)) + pick(TLDS);
			if (this.domains.add(domain)) {
				return domain;
			}
		}
	}

	// --- the partner's list

	private void rows(int count) {
		var groupDomains = new ArrayList<>(this.groups.keySet());
		groupDomains.sort(null);
		while (this.rows.size() < count) {
			double roll = this.random.nextDouble();
			var account = this.accounts.get(this.random.nextInt(this.accounts.size()));
			var country = this.random.nextDouble() < 0.2 ? null : account.country();
			if (roll < 0.14) {
				if (account.domain() != null && !isFreeMail(account.domain())) {
					row(respelt(account.name()), (this.random.nextBoolean() ? "www." : "https://") + account.domain(),
							country, account.id(), "same company, same domain");
				}
			}
			else if (roll < 0.24) {
				row(respelt(account.name()), otherDomain(account.name()), country, account.id(),
						"same company, another domain");
			}
			else if (roll < 0.32) {
				row(respelt(account.name()), null, country, account.id(), "same company, no domain");
			}
			else if (roll < 0.37) {
				row(respelt(account.name()), pick(FREE_MAIL), country, account.id(), "same company, free-mail domain");
			}
			else if (roll < 0.42) {
				var a = this.accented.get(this.random.nextInt(this.accented.size()));
				row(LATIN.transliterate(a.name()), null, a.country(), a.id(), "accents");
			}
			else if (roll < 0.46) {
				var a = this.cyrillic.get(this.random.nextInt(this.cyrillic.size()));
				row(LATIN.transliterate(a.name()), null, a.country(), a.id(), "non-Latin name");
			}
			else if (roll < 0.56) {
				var a = this.typoable.get(this.random.nextInt(this.typoable.size()));
				row(slipped(a.name()), null, a.country(), a.id(), "one slip of the keyboard");
			}
			else if (roll < 0.60) {
				if (account.domain() != null && !isFreeMail(account.domain())
						&& !this.groups.containsKey(account.domain())) {
					row(CompanyIdentity.normalizedName(account.name()) + " Services Ltd",
							"services." + account.domain(), account.country(), account.id(),
							"subsidiary on a subdomain");
				}
			}
			else if (roll < 0.64) {
				var group = this.groups.get(groupDomains.get(this.random.nextInt(groupDomains.size())));
				var member = group.get(this.random.nextInt(group.size()));
				row(member.name(), member.domain(), member.country(), member.id(), "shared group domain, name decides");
			}
			else if (roll < 0.79) {
				var name = latinName();
				if (!known(name)) {
					row(name, domain(name), pick(COUNTRIES), 0, "greenfield");
				}
			}
			else if (roll < 0.85) {
				var name = lookAlike(account.name());
				if (name != null && !known(name)) {
					row(name, null, country, 0, "look-alike name");
				}
			}
			else if (roll < 0.90) {
				if (account.country() != null) {
					var other = pick(COUNTRIES);
					if (!other.equals(account.country())) {
						row(account.name(), null, other, 0, "same name, another country");
					}
				}
			}
			else if (roll < 0.93) {
				var name = latinName();
				if (!known(name)) {
					row(name, pick(FREE_MAIL), pick(COUNTRIES), 0, "free-mail domain, another company");
				}
			}
			else if (roll < 0.96) {
				var name = account.name() + " " + pick(new String[] { "Services", "Holding", "Europe", "Trading" });
				if (!known(name)) {
					row(name, null, country, 0, "subsidiary by name only");
				}
			}
			else {
				var domain = groupDomains.get(this.random.nextInt(groupDomains.size()));
				var name = latinName();
				if (!known(name)) {
					row(name, domain, null, 0, "shared group domain, unknown name");
				}
			}
		}
	}

	private void row(String name, String domain, String country, long truth, String kind) {
		this.rows.add(new Row(name, domain, country, truth, kind));
	}

	private boolean known(String name) {
		return this.names.contains(CompanyIdentity.normalizedName(name));
	}

	/** The name as another CRM spells it: case, legal form, "The", "&". */
	private String respelt(String name) {
		var base = name.replaceAll(" (Ltd|GmbH|Inc\\.|S\\.A\\.|LLC|B\\.V\\.|plc|AG|Corp\\.|Oy)$", "");
		return switch (this.random.nextInt(5)) {
			case 0 -> base.toUpperCase(Locale.ROOT);
			case 1 -> base + pick(LEGAL);
			case 2 -> "The " + base;
			case 3 -> base.toLowerCase(Locale.ROOT) + ", Inc.";
			default -> name;
		};
	}

	private String otherDomain(String name) {
		for (int i = 2;; i++) {
			var domain = CompanyIdentity.normalizedName(name).replace(" ", "-") + "-" + i + ".org";
			if (this.domains.add(domain)) {
				return domain;
			}
		}
	}

	/** One letter replaced, dropped, added or two swapped, inside the longest word. */
	private String slipped(String name) {
		var word = longestWord(name);
		var chars = new StringBuilder(word);
		int at = 1 + this.random.nextInt(word.length() - 2);
		switch (this.random.nextInt(4)) {
			case 0 -> chars.setCharAt(at, chars.charAt(at) == 'x' ? 'q' : 'x');
			case 1 -> chars.deleteCharAt(at);
			case 2 -> chars.insert(at, 'k');
			default -> {
				char c = chars.charAt(at);
				chars.setCharAt(at, chars.charAt(at + 1));
				chars.setCharAt(at + 1, c);
			}
		}
		return name.replaceFirst(java.util.regex.Pattern.quote(word), chars.toString());
	}

	/**
	 * Another company with a name one could confuse: another industry, or a short word
	 * changed.
	 */
	private String lookAlike(String name) {
		var words = name.split(" ");
		if (words.length >= 2) {
			for (int i = 1; i < words.length; i++) {
				for (var industry : INDUSTRIES) {
					if (words[i].equals(industry)) {
						var other = pick(INDUSTRIES);
						if (!other.equals(industry)) {
							words[i] = other;
							return String.join(" ", words);
						}
					}
				}
			}
		}
		var first = words[0];
		if (first.length() < 5) {
			return null;
		}
		words[0] = first.substring(0, 2) + (first.charAt(2) == 'o' ? 'u' : 'o') + first.substring(3, 4) + "a";
		return String.join(" ", words);
	}

	private static String longestWord(String name) {
		String longest = "";
		for (var word : name.split(" ")) {
			if (word.length() > longest.length() && word.chars().allMatch(Character::isLetter)) {
				longest = word;
			}
		}
		return longest;
	}

	private static boolean isFreeMail(String domain) {
		return CompanyIdentity.isFreeMail(domain);
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
