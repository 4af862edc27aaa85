package com.trellis.readiness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class ReadinessTests {

	private static final byte[] PDF = "%PDF-1.7\n%deck\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ReadinessAssessments readiness;

	@Test
	void thePartnerSubmitsThePamReturnsItWithACommentThenAcceptsTheNextAndEveryVersionIsKept() throws Exception {
		var world = this.fixtures.world("Readiness flow partner");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner.post(url, body("Retail.", ""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1));
		partner.post(url, body("Retail again.", ""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		pam.post(url + "/decision", "{\"accept\": false}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		pam.post(url + "/decision", "{\"accept\": false, \"comment\": \"Name the industry and size.\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));
		partner.post(url, body("Mid-market retailers with 50-500 stores running their own e-commerce.", ""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2));
		pam.post(url + "/decision", "{\"accept\": true}").andExpect(jsonPath("$.status").value("ACCEPTED"));
		partner.get(url)
			.andExpect(jsonPath("$.versions", hasSize(2)))
			.andExpect(jsonPath("$.versions[1].decisionComment").value("Name the industry and size."))
			.andExpect(jsonPath("$.validated.version").value(2));
		partner.get(url + "/versions.csv")
			.andExpect(content().string(org.hamcrest.Matchers.containsString("RETURNED")));
	}

	@Test
	void theValidatedAssessmentCountsOnlyFromTheMomentThePamAcceptedItAndMaterialOnlyOnceRated() throws Exception {
		var world = this.fixtures.world("Readiness as-of partner");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner.post(url, body("Regional hospitals moving patient scheduling to the cloud soon.", ""))
			.andExpect(status().isCreated());
		var beforeAcceptance = this.clock.instant();
		this.clock.advance(Duration.ofHours(1));
		pam.post(url + "/decision", "{\"accept\": true}").andExpect(status().isOk());
		var accepted = this.clock.instant().plusSeconds(1);
		assertThat(this.readiness.validatedAsOf(world.partnerId(), beforeAcceptance)).as("no look-ahead").isEmpty();
		var then = this.readiness.validatedAsOf(world.partnerId(), accepted).orElseThrow();
		this.clock.advance(Duration.ofHours(1));
		var upload = this.mvc
			.perform(multipart(url + "/materials")
				.file(new MockMultipartFile("file", "deck.pdf", "application/pdf", PDF))
				.header("Authorization", "Bearer " + partner.token()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long material = Long.parseLong(upload.replaceAll(".*\"id\":(\\d+).*", "$1"));
		pam.put(url + "/materials/" + material + "/rating", "{\"rating\": 5}").andExpect(status().isOk());
		assertThat(this.readiness.validatedAsOf(world.partnerId(), accepted).orElseThrow().points())
			.as("a rating given later does not change the past")
			.isEqualTo(then.points());
		assertThat(this.readiness.validatedAsOf(world.partnerId(), this.clock.instant().plusSeconds(1))
			.orElseThrow()
			.points()).isEqualTo(then.points() + 10);
		// the rating is read in words on the API and the page (try71b: "{number:5.0}")
		pam.get(url).andExpect(jsonPath("$.validated.reason").value(containsString("material rated 5.0 of 5")));
		assertThat(com.trellis.support.Readers.read(this.mvc,
				new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam()),
				"/partners/" + world.partnerId() + "/readiness"))
			.contains("material rated 5.0 of 5")
			.doesNotContain("{number:");
	}

	@Test
	void aProofMustBeOneOfThePartnersOwnWonDeals() throws Exception {
		var world = this.fixtures.world("Readiness proof partner");
		var other = this.fixtures.world("Readiness proof other");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = now() WHERE id IN (:a, :b)")
			.param("a", world.dealId())
			.param("b", other.dealId())
			.update();
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner
			.post(url,
					body("Mid-market retailers with 50-500 stores running their own shops.",
							"{\"title\": \"Stock view\", \"proofDealId\": " + other.dealId() + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("useCases[0].proofDealId"));
		partner
			.post(url,
					body("Mid-market retailers with 50-500 stores running their own shops.",
							"{\"title\": \"Stock view\", \"proofDealId\": " + world.dealId() + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.useCases[0].proven").value(true));
	}

	@Test
	void everyPartnersValidatedAssessmentReadAtOnceIsRatedAsOnePartnerAtATime() throws Exception {
		var world = this.fixtures.world("Readiness bulk partner");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = :at WHERE id = :d")
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("d", world.dealId())
			.update();
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner
			.post(url,
					body("Mid-market retailers with 50-500 stores running their own shops.",
							"{\"title\": \"Stock view\", \"proofDealId\": " + world.dealId() + "}"))
			.andExpect(status().isCreated());
		var beforeAcceptance = this.clock.instant();
		this.clock.advance(Duration.ofHours(1));
		pam.post(url + "/decision", "{\"accept\": true}").andExpect(status().isOk());
		for (var end : java.util.List.of(beforeAcceptance, this.clock.instant().plusSeconds(1))) {
			var all = this.readiness.validatedAsOf(end);
			var partners = this.jdbc.sql("SELECT id FROM partner").query(Long.class).list();
			for (long id : partners) {
				assertThat(all.get(id)).as("partner " + id + " at " + end)
					.isEqualTo(this.readiness.validatedAsOf(id, end).orElse(null));
			}
		}
		var now = this.readiness.validatedAsOf(this.clock.instant().plusSeconds(1)).get(world.partnerId());
		assertThat(now.reason()).as("the use case proven by the partner's own win")
			.contains("1 use case proven by a win");
	}

	@Test
	void partnersNeverSeeOrFillInAnotherPartnersAssessmentAndOnlyItsPamDecides() throws Exception {
		var world = this.fixtures.world("Readiness isolation partner");
		var other = this.fixtures.world("Readiness isolation other");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var otherPam = new Api(this.mvc, this.fixtures.token(other.pam()));
		String mine = "/api/v1/partners/" + world.partnerId() + "/readiness";
		String theirs = "/api/v1/partners/" + other.partnerId() + "/readiness";
		partner.get(theirs).andExpect(status().isNotFound());
		partner.post(theirs, "not json").andExpect(status().isNotFound());
		partner.post(theirs + "/decision", "{}").andExpect(status().isForbidden());
		partner.post(mine, body("Mid-market retailers with 50-500 stores running their own shops.", ""))
			.andExpect(status().isCreated());
		partner.post(mine + "/decision", "{\"accept\": true}").andExpect(status().isForbidden());
		otherPam.post(mine + "/decision", "{\"accept\": true}").andExpect(status().isForbidden());
		var exe = new MockMultipartFile("file", "deck.pdf", "application/pdf", new byte[] { 'M', 'Z', 1, 2 });
		this.mvc.perform(multipart(mine + "/materials").file(exe).header("Authorization", "Bearer " + partner.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		var pdf = new MockMultipartFile("file", "deck.pdf", "application/pdf", PDF);
		var otherPartner = new Api(this.mvc, this.fixtures.token(other.partnerUser()));
		this.mvc
			.perform(multipart(mine + "/materials").file(pdf).header("Authorization", "Bearer " + otherPartner.token()))
			.andExpect(status().isNotFound());
		var upload = this.mvc
			.perform(multipart(mine + "/materials").file(pdf).header("Authorization", "Bearer " + partner.token()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long material = Long.parseLong(upload.replaceAll(".*\"id\":(\\d+).*", "$1"));
		partner.get(mine + "/materials/" + material)
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		otherPartner.get(mine + "/materials/" + material).andExpect(status().isNotFound());
		otherPartner.get(theirs + "/materials/" + material).andExpect(status().isNotFound());
	}

	@Test
	void everyBadFieldAndEveryBadProofComeBackInOneAnswerAndNothingIsSaved() throws Exception {
		var world = this.fixtures.world("Readiness one-round partner");
		var other = this.fixtures.world("Readiness one-round other");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner
			.post(url,
					"""
							{"icpDefinition": "Retail.", "useCases": [{"title": "Stock view", "proofDealId": %d}],
							 "salesProcess": 9, "packagedOffers": 1, "specialisations": [{"title": "Retail", "proofDealId": %d}],
							 "deliveryStaff": 2}
							"""
						.formatted(other.dealId(), other.dealId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("salesProcess",
					"useCases[0].proofDealId", "specialisations[0].proofDealId")));
		partner.get(url).andExpect(jsonPath("$.versions", hasSize(0)));
	}

	@Test
	void thePageFormComesBackAsTypedWithEachProblemNextToItsField() throws Exception {
		// s57, try72: one bad field gave a generic error page and what was typed was lost
		var world = this.fixtures.world("Readiness typed partner");
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		var html = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/partners/" + world.partnerId() + "/readiness")
				.session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("icpDefinition", "Mid-market retailers moving their stores to the cloud")
				.param("useCases", "Stock view")
				.param("salesProcess", "2")
				.param("packagedOffers", "1")
				.param("specialisations", "Retail\nPayments | 99999999999999999999")
				.param("deliveryStaff", "99999999999")
				.param("deliveryNotes", "Two teams"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"assessment-form\"")
			.contains("Mid-market retailers moving their stores to the cloud")
			.contains(">Two teams</textarea>")
			.contains("must be less than or equal to 10000")
			.contains("line 2: the proof is a won deal&#39;s number");
		assertThat(this.jdbc.sql("SELECT count(*) FROM readiness_assessment WHERE partner_id = :p")
			.param("p", world.partnerId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aWonDealProvingTwoUseCasesIsCalledUsedTwiceNotMissing() throws Exception {
		var world = this.fixtures.world("Readiness twice partner");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = now() WHERE id = :a")
			.param("a", world.dealId())
			.update();
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		partner
			.post(url, body("Mid-market retailers with 50-500 stores running their own shops.",
					"{\"title\": \"Stock view\", \"proofDealId\": %d}, {\"title\": \"Returns\", \"proofDealId\": %d}"
						.formatted(world.dealId(), world.dealId())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("useCases[1].proofDealId"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("deal " + world.dealId() + " already proves item 1; each won deal proves one use case"));
	}

	/**
	 * try71b: the second of two submissions sent at once answered a 409 that named
	 * nothing. It names the state, as a second one sent later does.
	 */
	@Test
	void twoSubmissionsAtOnceStoreOneAndTheOtherIsToldWhy() throws Exception {
		var world = this.fixtures.world("Readiness double submit partner");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/partners/" + world.partnerId() + "/readiness";
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		var answers = new java.util.ArrayList<String>();
		try {
			var sends = new java.util.ArrayList<java.util.concurrent.Future<String>>();
			for (int i = 0; i < 2; i++) {
				sends.add(pool.submit(() -> {
					var response = partner.post(url, body("Regional hospitals moving scheduling to the cloud.", ""))
						.andReturn()
						.getResponse();
					return response.getStatus() + " " + response.getContentAsString();
				}));
			}
			for (var send : sends) {
				answers.add(send.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(answers).anySatisfy(a -> assertThat(a).startsWith("201"));
		assertThat(answers).allSatisfy(a -> assertThat(a).satisfiesAnyOf(b -> assertThat(b).startsWith("201"),
				b -> assertThat(b).startsWith("409").contains("\"field\":\"status\"")));
		assertThat(this.fixtures.count("readiness_assessment WHERE partner_id = " + world.partnerId())).isOne();
	}

	private static String body(String icp, String useCase) {
		return """
				{"icpDefinition": "%s", "useCases": [%s], "salesProcess": 2, "packagedOffers": 1,
				 "specialisations": [{"title": "Retail"}], "deliveryStaff": 2, "deliveryNotes": "two consultants"}
				""".formatted(icp, useCase);
	}

}
