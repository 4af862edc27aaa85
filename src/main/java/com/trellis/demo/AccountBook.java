package com.trellis.demo;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import com.trellis.matching.CompanyIdentity;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * The generated customer accounts, written once and kept (name and owner only) for the
 * deals that follow. Every account is older than the 18 months of deals.
 */
final class AccountBook {

	/**
	 * The account the README's partner flow registers (the last one, which few deals
	 * use).
	 */
	static final String WALKTHROUGH_NAME = "Fabrikam Freight Systems";

	static final String WALKTHROUGH_DOMAIN = "fabrikam-freight.com";

	private static final int LOGISTICS = 8;

	final String[] names;

	final long[] owners;

	private AccountBook(int count) {
		this.names = new String[count];
		this.owners = new long[count];
	}

	int size() {
		return this.names.length;
	}

	/**
	 * The account a generated deal or lead names: any but the walk-through's, which stays
	 * without history so that registering it meets no other partner.
	 */
	int dealAccount(int index) {
		return (this.names.length > 1) ? Math.min(index, this.names.length - 2) : index;
	}

	static AccountBook write(RowSink sink, long seed, long now, int count, long[] repIds) {
		var book = new AccountBook(count);
		try (var table = sink.table("account", List.of("id", "name", "web_domain", "industry", "employee_band",
				"owner_ae_id", "created_at", "updated_at", "registrable_domain", "normalized_name", "country"))) {
			for (int i = 0; i < count; i++) {
				long id = i + 1;
				var random = Randoms.of(seed, Randoms.ACCOUNTS, id);
				int industry = random.nextInt(Words.VERTICALS.length);
				String name = name(random, industry);
				String domain = domain(random, name);
				if (id == count && count > 1) {
					// the README's walk-through registers this customer: a name and a
					// domain
					// no other demo account shares
					industry = LOGISTICS;
					name = WALKTHROUGH_NAME;
					domain = WALKTHROUGH_DOMAIN;
				}
				String band = Words.EMPLOYEE_BANDS[Randoms.weighted(random, Words.EMPLOYEE_BAND_WEIGHTS)];
				long owner = repIds[random.nextInt(repIds.length)];
				long created = now - Randoms.between(random, 550 * DAY, 1500 * DAY);
				long updated = Randoms.between(random, created, now);
				String country = country(random, domain);
				book.names[i] = name;
				book.owners[i] = owner;
				table.row(id, name, domain, Words.VERTICALS[industry], band, owner, Instant.ofEpochSecond(created),
						Instant.ofEpochSecond(updated), CompanyIdentity.identityDomain(domain),
						CompanyIdentity.normalizedName(name), country);
			}
		}
		return book;
	}

	private static String name(SplittableRandom random, int industry) {
		boolean accented = random.nextDouble() < 0.06;
		String head = accented ? Randoms.pick(random, Words.ACCENTED_HEADS) : Randoms.pick(random, Words.ACCOUNT_HEADS);
		String noun = Randoms.pick(random, Words.INDUSTRY_NOUNS[industry]);
		String name = head + " " + noun;
		if ("Public sector".equals(Words.VERTICALS[industry])) {
			return random.nextBoolean() ? name : "City of " + head;
		}
		if (accented || random.nextDouble() < 0.45) {
			name = name + " " + Randoms.pick(random, Words.LEGAL_SUFFIXES);
		}
		return name;
	}

	/**
	 * The billing country: the one a country domain names, otherwise mostly the United
	 * States and the larger European markets, one in twenty unknown.
	 */
	private static String country(SplittableRandom random, String domain) {
		double roll = random.nextDouble();
		if (domain != null && domain.endsWith(".de")) {
			return "DE";
		}
		if (domain != null && domain.endsWith(".co.uk")) {
			return "GB";
		}
		return roll < 0.05 ? null : Words.COUNTRIES[Randoms.weighted(random, Words.COUNTRY_WEIGHTS)];
	}

	/**
	 * About 7% missing, some with {@code www.} or a regional subdomain: real-world
	 * hygiene.
	 */
	private static String domain(SplittableRandom random, String name) {
		double roll = random.nextDouble();
		if (roll < 0.07) {
			return null;
		}
		String[] words = name.split(" ");
		String base = Words.slug(words[0]) + ((words.length > 1 && random.nextBoolean()) ? Words.slug(words[1]) : "");
		String domain = base + Randoms.pick(random, Words.TLDS);
		if (roll < 0.12) {
			return "www." + domain;
		}
		if (roll < 0.15) {
			return Randoms.pick(random, new String[] { "eu.", "us.", "corp.", "shop." }) + domain;
		}
		return domain;
	}

}
