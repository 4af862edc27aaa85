package com.trellis.search;

import java.util.List;

/**
 * What a search found, a few of each kind, each kind only what the viewer may open.
 *
 * @param q the text searched for
 * @param partners partners by name
 * @param accounts customer accounts by name or web domain (vendor staff only)
 * @param deals deals by name
 * @param registrations deal registrations by customer name
 * @param leads leads by company or contact name
 * @param limit the most hits of one kind
 */
public record SearchResults(String q, List<Hit> partners, List<Hit> accounts, List<Hit> deals, List<Hit> registrations,
		List<Hit> leads, int limit) {

	/** Whether nothing was found. */
	public boolean empty() {
		return this.partners.isEmpty() && this.accounts.isEmpty() && this.deals.isEmpty()
				&& this.registrations.isEmpty() && this.leads.isEmpty();
	}

	/**
	 * One thing found.
	 *
	 * @param kind PARTNER, ACCOUNT, DEAL, REGISTRATION or LEAD
	 * @param id its id
	 * @param title its name
	 * @param detail what tells it apart (a domain, an account, a partner, a status)
	 * @param href the page that shows it
	 */
	public record Hit(String kind, long id, String title, String detail, String href) {
	}

}
