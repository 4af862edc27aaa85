package com.trellis.guidance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.FitDealRows;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The AE's partner fit as a stored recommendation, on a fixture industry of its own:
 * raised for the owner of an open early deal without partner with the best fitting
 * partner and its similar won deals; accepted and followed by the partner on the deal it
 * records its outcome; dismissed, it does not come back, in the list or the digest.
 */
@GuidanceRunTest
class PartnerFitGuidanceTests {

	@Autowired
	Guidance guidance;

	@Autowired
	GuidanceDigests digests;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void theAeOwningAnEarlyDealWithoutPartnerIsRecommendedTheBestFittingPartnerWithItsSimilarWonDeals() {
		this.weeks.monday(0);
		var f = fixture("Aerospace");
		this.guidance.runDaily();

		var fits = fits(f.ae());
		assertThat(fits).extracting(RecommendationView::actionLink)
			.as("the early deals without partner, not the one in Commit nor the one with a partner")
			.containsExactlyInAnyOrder("/opportunities/" + f.deal() + "#partner-fit",
					"/opportunities/" + f.other() + "#partner-fit");
		var fit = fit(f.ae(), f.deal());
		assertThat(fit.partnerId()).isEqualTo(f.skyline());
		assertThat(fit.title()).isEqualTo("Bring " + f.name("Skyline") + " into Target – hangar automation");
		assertThat(fit.reason()).startsWith(f.name("Skyline") + " won 2 deals with customers like Target – hangar"
				+ " automation's in the last 730 days: Orbital Works – fleet rollout (industry " + f.industry()
				+ ", 201-1000 employees, country DE, deal size 25,000–100,000); Jetstream – hangar sensors (industry "
				+ f.industry() + ", 201-1000 employees, country DE, deal size 25,000–100,000). 2 similar won deals"
				+ " worth 8 points");
		assertThat(fit.actionLabel()).isEqualTo("Attach the partner or ask for help");
	}

	@Test
	void aPartnerFitRecommendationNeverRevealsAnotherPartnersDealsOrCustomersAndGoesOnlyToTheDealsOwner()
			throws Exception {
		this.weeks.monday(0);
		var f = fixture("Shipbuilding");
		upload(this.fixtures.token(f.pam()), f.skyline(),
				"company_name,web_domain,country,status\nSecret Dockyard Customer,secret-dockyard.com,DE,customer\n");
		var otherAe = this.fixtures.user(Role.AE);
		this.guidance.runDaily();

		var fit = fit(f.ae(), f.deal());
		assertThat(fit.reason() + fit.title()).doesNotContain("Secret Dockyard")
			.doesNotContain("secret-dockyard")
			.as("the runner-up's won deal")
			.doesNotContain("Contrail")
			.doesNotContain(f.name("Hangar"));
		assertThat(fits(otherAe)).isEmpty();
		assertThat(fits(f.skylineUser())).as("a partner never sees how partners rank on a vendor's deal").isEmpty();
		var api = new Api(this.mvc, this.fixtures.token(f.skylineUser()));
		api.post("/api/v1/guidance/" + fit.id() + "/accept", "{}").andExpect(status().isNotFound());
		new Api(this.mvc, this.fixtures.token(otherAe)).post("/api/v1/guidance/" + fit.id() + "/accept", "{}")
			.andExpect(status().isNotFound());
	}

	@Test
	void acceptingAPartnerFitAndThenAttachingThePartnerOrAskingItForHelpRecordsTheOutcomeOnThatDealOnly()
			throws Exception {
		this.weeks.monday(0);
		var f = fixture("Shipyard");
		long third = deal(f.account(), "Target – third", f.ae().userId(), null, "QUALIFIED", "55000", null);
		this.guidance.runDaily();
		var attached = fit(f.ae(), f.deal());
		var idle = fit(f.ae(), f.other());
		var asked = fit(f.ae(), third);
		this.guidance.accept(f.ae(), attached.id());
		this.guidance.accept(f.ae(), idle.id());
		this.guidance.accept(f.ae(), asked.id());

		this.clock.advance(Duration.ofDays(1));
		var ae = new Api(this.mvc, this.fixtures.token(f.ae()));
		ae.post("/api/v1/opportunities/" + f.deal() + "/partner-attachment",
				"{\"partnerId\": " + f.skyline() + ", \"creditType\": \"CO_SELL\"}")
			.andExpect(status().isOk());
		ae.post("/api/v1/opportunities/" + third + "/cosell-requests",
				"{\"partnerId\": " + f.skyline() + ", \"ask\": \"Join the discovery call\"}")
			.andExpect(status().is2xxSuccessful());
		this.clock.advance(Duration.ofDays(1));
		this.guidance.runDaily();

		var handled = this.guidance.handled(f.ae());
		assertThat(outcome(handled, attached.id())).as("the partner attached to the deal").isNotNull();
		assertThat(outcome(handled, asked.id())).as("the partner asked for help on the deal").isNotNull();
		assertThat(outcome(handled, idle.id())).as("the same partner busy on other deals is not this deal's outcome")
			.isNull();
		var line = this.guidance.usefulness(this.fixtures.user(Role.ADMIN))
			.stream()
			.filter(l -> l.kind() == Kind.PARTNER_FIT)
			.findFirst()
			.orElseThrow();
		assertThat(line.acceptedMet()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDismissedPartnerFitIsNotRaisedAgainEvenForAnotherPartnerNorRepeatedInTheDigest() {
		var first = this.weeks.monday(0);
		var f = fixture("Dockside");
		this.guidance.runDaily();
		var dismissed = fit(f.ae(), f.deal());
		var kept = fit(f.ae(), f.other());
		dismissAllBut(f.ae(), Kind.PARTNER_FIT);
		this.digests.runWeekly();
		assertThat(digest(f.ae(), first)).contains(dismissed.title() + " (Partner that fits the deal, new)")
			.contains(kept.title());

		this.guidance.dismiss(f.ae(), dismissed.id(), "The customer buys without partners");
		// by next week the runner-up has won more like it and would rank first
		for (int i = 0; i < 3; i++) {
			won(f.hangar(), "Harbour " + i + " – crane sensors", f.industry(), "201-1000", "DE", "70000", 5,
					f.ae().userId());
		}
		var second = this.weeks.monday(1);
		this.guidance.runDaily();
		dismissAllBut(f.ae(), Kind.PARTNER_FIT);
		this.digests.runWeekly();

		assertThat(fits(f.ae())).extracting(RecommendationView::id).containsExactly(fit(f.ae(), f.other()).id());
		assertThat(fit(f.ae(), f.other()).partnerId()).as("the open one names the partner that fits now")
			.isEqualTo(f.hangar());
		assertThat(digest(f.ae(), second)).doesNotContain("into Target – hangar automation")
			.contains("Bring " + f.name("Hangar") + " into Target – second site");
	}

	/**
	 * Dismisses the person's other recommendations, so that the digest's top five are the
	 * fits.
	 */
	private void dismissAllBut(Viewer viewer, Kind kind) {
		this.guidance.current(viewer)
			.stream()
			.filter(r -> r.kind() != kind)
			.forEach(r -> this.guidance.dismiss(viewer, r.id(), "Not this test's subject"));
	}

	private List<RecommendationView> fits(Viewer viewer) {
		return this.guidance.current(viewer).stream().filter(r -> r.kind() == Kind.PARTNER_FIT).toList();
	}

	private RecommendationView fit(Viewer viewer, long dealId) {
		return fits(viewer).stream()
			.filter(r -> r.actionLink().equals("/opportunities/" + dealId + "#partner-fit"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no partner fit for deal " + dealId + " in " + fits(viewer)));
	}

	private static java.time.Instant outcome(List<RecommendationView> handled, long id) {
		return handled.stream().filter(r -> r.id() == id).findFirst().orElseThrow().outcomeAt();
	}

	private String digest(Viewer viewer, LocalDate week) {
		return this.jdbc.sql("SELECT body FROM notification WHERE notice_key = :key")
			.param("key", "guidance-digest:" + week + ":user:" + viewer.userId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new AssertionError("no digest of the week of " + week + " for " + viewer.name()));
	}

	/**
	 * In an industry of its own: two open Qualified deals of the AE without partner
	 * (201-1000 employees, DE, USD 60,000 and 50,000), one in Commit without partner, one
	 * with a partner; Skyline won two deals alike in every trait (8 points), Hangar one
	 * (4).
	 */
	private Fixture fixture(String word) {
		String industry = word + " " + System.nanoTime();
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		var seller = this.fixtures.user(Role.AE);
		long skyline = this.fixtures.partner("Skyline " + industry, pam.userId());
		long hangar = this.fixtures.partner("Hangar " + industry, pam.userId());
		long customer = account("Target Customer " + industry, industry, "201-1000", "DE", ae.userId());
		long deal = deal(customer, "Target – hangar automation", ae.userId(), null, "QUALIFIED", "60000", null);
		long other = deal(customer, "Target – second site", ae.userId(), null, "QUALIFIED", "50000", null);
		deal(customer, "Target – commit", ae.userId(), null, "COMMIT", "60000", null);
		deal(customer, "Target – with partner", ae.userId(), hangar, "QUALIFIED", "60000", null);
		won(skyline, "Orbital Works – fleet rollout", industry, "201-1000", "DE", "75000", 20, seller.userId());
		won(skyline, "Jetstream – hangar sensors", industry, "201-1000", "DE", "30000", 40, seller.userId());
		won(hangar, "Contrail – renewal", industry, "201-1000", "DE", "50000", 12, seller.userId());
		var skylineUser = this.fixtures.user(Role.PARTNER, skyline, null);
		return new Fixture(industry, ae, pam, skylineUser, skyline, hangar, customer, deal, other);
	}

	private void won(long partner, String name, String industry, String band, String country, String amount,
			int daysAgo, long owner) {
		rows().won(partner, name, industry, band, country, amount, daysAgo, owner);
	}

	private long account(String name, String industry, String band, String country, long owner) {
		return rows().account(name, industry, band, country, owner);
	}

	private long deal(long account, String name, long owner, Long partner, String stage, String amount,
			Integer closedDaysAgo) {
		return rows().deal(account, name, owner, partner, stage, amount, closedDaysAgo);
	}

	private FitDealRows rows() {
		return new FitDealRows(this.jdbc, this.clock);
	}

	private void upload(String token, long partnerId, String csv) throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + partnerId + "/account-list")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.valueOf("text/csv"))
				.content(csv))
			.andExpect(status().isCreated());
	}

	private record Fixture(String industry, Viewer ae, Viewer pam, Viewer skylineUser, long skyline, long hangar,
			long account, long deal, long other) {

		String name(String partner) {
			return partner + " " + this.industry;
		}

	}

}
