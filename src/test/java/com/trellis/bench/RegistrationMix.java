package com.trellis.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Realistic registration requests: mostly new customers with invented names and domains
 * (unique per run through the run id), and a share naming existing accounts, spelled the
 * way partners spell them (the same domain, a sub-domain, a legal suffix, or the name
 * alone), so the conflict check finds holds, duplicates and direct deals.
 */
final class RegistrationMix {

	private static final String[] SYLLABLES = { "ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pa", "qui", "ra",
			"se", "ti", "vo", "wa", "xe", "yo", "za", "bri", "cra", "dro", "fle", "gri", "klo", "pre", "stu", "tro",
			"vel", "zen", "mar", "lun", "tor", "ver", "sol", "nor", "ast", "ber", "cal", "dex" };

	private static final String[] INDUSTRIES = { "Analytics", "Logistics", "Foods", "Clinics", "Robotics", "Hotels",
			"Energy", "Retail", "Labs", "Freight", "Dental", "Insurance", "Pharma", "Media", "Textiles", "Capital",
			"Mining", "Aerospace", "Telecom", "Brewing" };

	private static final String[] LEGAL = { "", " Ltd", " GmbH", " Inc.", " S.A.", " LLC", " B.V.", " plc" };

	private static final String[] NEEDS = {
			"Replace the legacy CRM across three regional sales teams before the fiscal year ends.",
			"Consolidate partner onboarding and training tracking into one platform.",
			"Forecasting for 400 sellers with a quarterly pipeline review cadence.",
			"Migrate 12 business units from spreadsheets to a managed pipeline.",
			"Expand the existing deployment to the APAC subsidiaries in Q3.",
			"Customer wants co-selling reports for their channel program." };

	private static final String[] CURRENCIES = { "USD", "USD", "USD", "EUR", "GBP" };

	private static final String[] CREDITS = { "SOURCED", "SOURCED", "INFLUENCED", "CO_SELL" };

	private final String runId;

	private final List<KnownCustomer> known;

	private final double collisionShare;

	private final LocalDate today;

	private final AtomicInteger sequence = new AtomicInteger();

	RegistrationMix(String runId, List<KnownCustomer> known, double collisionShare, LocalDate today) {
		this.runId = runId;
		this.known = known;
		this.collisionShare = known.isEmpty() ? 0 : collisionShare;
		this.today = today;
	}

	/**
	 * The requests one client sends, in order.
	 * @param client the client's number, which keeps its invented customers apart
	 * @param count how many
	 * @param random the client's own random source
	 */
	List<Request> requests(int client, int count, Random random) {
		var requests = new ArrayList<Request>(count);
		for (int i = 0; i < count; i++) {
			boolean collides = random.nextDouble() < this.collisionShare;
			String name;
			String domain;
			if (collides) {
				var customer = this.known.get(random.nextInt(this.known.size()));
				int spelling = customer.domain() == null ? 2 : random.nextInt(4);
				switch (spelling) {
					case 0 -> {
						name = customer.name();
						domain = customer.domain();
					}
					case 1 -> {
						name = customer.name();
						domain = "www." + customer.domain();
					}
					case 2 -> {
						name = customer.name() + LEGAL[1 + random.nextInt(LEGAL.length - 1)];
						domain = null;
					}
					default -> {
						name = customer.name().toUpperCase();
						domain = "shop." + customer.domain();
					}
				}
			}
			else {
				var coined = new StringBuilder();
				int syllables = 3 + random.nextInt(2);
				for (int s = 0; s < syllables; s++) {
					coined.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
				}
				coined.setCharAt(0, Character.toUpperCase(coined.charAt(0)));
				var industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
				name = coined + " " + industry + LEGAL[random.nextInt(LEGAL.length)];
				domain = coined.toString().toLowerCase() + "-" + this.runId + Integer.toString(client, 36) + "x"
						+ Integer.toString(this.sequence.incrementAndGet(), 36) + ".com";
			}
			var amount = BigDecimal.valueOf(5_000 + random.nextInt(495_000))
				.add(BigDecimal.valueOf(random.nextInt(100), 2))
				.setScale(2, RoundingMode.UNNECESSARY);
			var json = "{\"customerName\":" + quoted(name) + ",\"customerDomain\":" + quoted(domain)
					+ ",\"customerNeed\":" + quoted(NEEDS[random.nextInt(NEEDS.length)]) + ",\"amount\":"
					+ amount.toPlainString() + ",\"currency\":\"" + CURRENCIES[random.nextInt(CURRENCIES.length)]
					+ "\",\"expectedCloseDate\":\"" + this.today.plusDays(30 + random.nextInt(150))
					+ "\",\"creditType\":\"" + CREDITS[random.nextInt(CREDITS.length)] + "\"}";
			requests.add(new Request(json, collides));
		}
		return requests;
	}

	static String quoted(String value) {
		if (value == null) {
			return "null";
		}
		var json = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	/** An existing account, as the conflict check knows it. */
	record KnownCustomer(String name, String domain) {
	}

	/**
	 * One registration request.
	 *
	 * @param json the body
	 * @param collides whether it names an existing account
	 */
	record Request(String json, boolean collides) {
	}

}
