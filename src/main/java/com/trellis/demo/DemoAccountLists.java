package com.trellis.demo;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.mapping.PartnerAccountLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account lists a few demo partners have uploaded, so overlaps show on first start:
 * some of our accounts as the partner spells them (a {@code www.} prefix, a legal suffix,
 * no domain), companies we do not know (greenfield), and look-alike names without a
 * domain that the PAM confirms or rejects. Uploaded through the mapping module as each
 * partner's PAM, so matching is the real one.
 */
@Component
class DemoAccountLists {

	private static final int PARTNERS = 3;

	private static final String[] GREENFIELD = { "Oakridge Dental Group", "Brightwater Logistics", "Kestrel Analytics",
			"Marlow & Finch Bakery", "Tidewater Marine Supply", "Quarry Hill Architects" };

	private final JdbcClient jdbc;

	private final PartnerAccountLists lists;

	DemoAccountLists(JdbcClient jdbc, PartnerAccountLists lists) {
		this.jdbc = jdbc;
		this.lists = lists;
	}

	void upload() {
		var partners = this.jdbc.sql("""
				SELECT p.id, p.owner_pam_id FROM partner p ORDER BY p.id LIMIT :n
				""").param("n", PARTNERS).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		for (int i = 0; i < partners.size(); i++) {
			long partner = partners.get(i)[0];
			var pam = new Viewer(partners.get(i)[1], "demo", Role.PAM, null);
			this.lists.upload(pam, partner, csv(i));
		}
	}

	private String csv(int offset) {
		var accounts = this.jdbc.sql("""
				SELECT name, web_domain FROM account WHERE web_domain IS NOT NULL
				ORDER BY id OFFSET :offset LIMIT 24
				""").param("offset", offset * 11).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
		var csv = new StringBuilder("company_name,web_domain,country,status\n");
		for (int i = 0; i < accounts.size(); i++) {
			var name = accounts.get(i).get(0);
			var domain = accounts.get(i).get(1);
			var status = i % 3 == 0 ? "prospect" : "customer";
			switch (i % 4) {
				case 0 -> csv.append(quote(name)).append(",www.").append(domain);
				case 1 -> csv.append(quote(name + " Inc.")).append(',').append(domain);
				case 2 -> csv.append(quote(name)).append(',');
				default -> csv.append(quote(name + " Group")).append(',');
			}
			csv.append(",,").append(status).append('\n');
		}
		for (int i = 0; i < GREENFIELD.length; i++) {
			var name = GREENFIELD[(i + offset) % GREENFIELD.length];
			csv.append(quote(name))
				.append(',')
				.append(name.toLowerCase().replaceAll("[^a-z]+", "-"))
				.append(".com,US,")
				.append(i % 2 == 0 ? "customer" : "prospect")
				.append('\n');
		}
		return csv.toString();
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

}
