package com.trellis.maturity;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class MaturityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void theProgramsAssessmentsAreKeptAndTheLatestShowsItsChangePerAreaAndWhatMadeAnAreaWeak() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long before = programAssessments();
		// all 1: 20 of 80 weighted points = 25, every area 25 (weak)
		admin.post("/api/v1/maturity/program", body(Questionnaire.PROGRAM, 1, Map.of()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value(2))
			.andExpect(jsonPath("$.levelName").value("Developing"))
			.andExpect(jsonPath("$.recommendations", hasSize(5)));
		this.clock.advance(Duration.ofDays(90));
		// all 3 but co-selling at 1: 60 - 15 + 5 = 50 of 80 = 62 (Scaled), co-selling 5
		// of 20 = 25
		admin
			.post("/api/v1/maturity/program",
					body(Questionnaire.PROGRAM, 3, Map.of("program-ae-engagement", 1, "program-sales-plays", 1)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.score").value(62))
			.andExpect(jsonPath("$.levelName").value("Scaled"));
		assertThat(programAssessments()).as("each submission is a row of its own").isEqualTo(before + 2);
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.EXECUTIVE))).get("/api/v1/maturity/program")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latest.score").value(62))
			.andExpect(jsonPath("$.previous[0].score").value(25))
			.andExpect(jsonPath("$.latest.areas[?(@.area == 'strategy')].change").value(50))
			.andExpect(jsonPath("$.latest.areas[?(@.area == 'cosell')].change").value(0))
			.andExpect(jsonPath("$.latest.areas[?(@.area == 'cosell')].weak").value(true))
			.andExpect(jsonPath("$.latest.recommendations[*].area").value(containsInAnyOrder("cosell")))
			.andExpect(jsonPath("$.latest.recommendations[0].because", hasSize(2)))
			.andExpect(jsonPath("$.latest.recommendations[0].because[0]")
				.value(containsString("Account executives bring partners into their deals")));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'maturity-assessment' AND action = 'submit'
				  AND after->>'subject' = 'PROGRAM' AND after->>'score' = '62'
				""").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * try71b: a double click stored two assessments, and the page's "change since the one
	 * before" then read 0 in every area. The same answers by the same person within
	 * minutes are stored once, also when sent at the same moment.
	 */
	@Test
	void theSameAnswersSentTwiceAtOnceAreStoredOnce() throws Exception {
		var world = this.fixtures.world("Maturity Double Click " + System.nanoTime());
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var url = "/api/v1/maturity/partners/" + world.partnerId();
		var body = body(Questionnaire.PARTNER, 2, Map.of());
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var sends = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 2; i++) {
				sends.add(pool.submit(() -> partner.post(url, body).andReturn().getResponse().getStatus()));
			}
			for (var send : sends) {
				assertThat(send.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.fixtures.count("maturity_assessment WHERE partner_id = " + world.partnerId())).isOne();
		this.clock.advance(Duration.ofMinutes(11));
		partner.post(url, body).andExpect(status().isCreated());
		assertThat(this.fixtures.count("maturity_assessment WHERE partner_id = " + world.partnerId()))
			.as("the same answers later are a new assessment")
			.isEqualTo(2);
	}

	@Test
	void badAnswersAreEachNamedByTheirQuestionAndChangeNothing() throws Exception {
		var world = this.fixtures.world("Maturity bad input partner");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/maturity/partners/" + world.partnerId();
		long before = partnerAssessments(world.partnerId());
		var answers = Questionnaire.PARTNER.questions()
			.stream()
			.filter(q -> !q.id().equals("partner-proof-points"))
			.map(q -> "\"" + q.id() + "\": " + (q.id().equals("partner-joint-plans") ? 7 : 2))
			.collect(Collectors.joining(", "));
		partner.post(url, "{\"answers\": {" + answers + ", \"partner-mood\": 3}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("answers.partner-proof-points",
					"answers.partner-joint-plans", "answers.partner-mood")));
		partner.post(url, "{\"answers\": \"all good\"}").andExpect(status().isBadRequest());
		partner.post(url, "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers"));
		partner.post(url, "{\"answers\": {\"partner-customer-profile\": \"two\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'answers.partner-customer-profile')].message")
				.value(containsInAnyOrder("must be a number, not in quotes: a whole number from 0 to 4")));
		// a number in quotes, as everywhere in the API (try54 saw "3" saved)
		partner.post(url, body(Questionnaire.PARTNER, 2, Map.of()).replaceFirst(": 2,", ": \"2\","))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("must be a number, not in quotes: a whole number from 0 to 4"));
		partner.post(url, body(Questionnaire.PARTNER, 2, Map.of()).replace("}}", "}, \"note\": \"nul \\u0000\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		assertThat(partnerAssessments(world.partnerId())).isEqualTo(before);
	}

	@Test
	void thePartnerAndItsPamAnswerForItAnotherPamOrPartnerCannotAndExecutivesOnlyRead() throws Exception {
		var world = this.fixtures.world("Maturity access partner");
		var other = this.fixtures.world("Maturity access other");
		String url = "/api/v1/maturity/partners/" + world.partnerId();
		var good = body(Questionnaire.PARTNER, 2, Map.of());
		new Api(this.mvc, this.fixtures.token(other.partnerUser())).post(url, good).andExpect(status().isNotFound());
		new Api(this.mvc, this.fixtures.token(other.partnerUser())).get(url).andExpect(status().isNotFound());
		new Api(this.mvc, this.fixtures.token(other.pam())).post(url, good).andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(other.pam())).get(url).andExpect(status().isForbidden());
		var executive = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.EXECUTIVE)));
		executive.post(url, good).andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.ae())).get(url).andExpect(status().isForbidden());
		assertThat(partnerAssessments(world.partnerId())).isZero();
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post(url, good)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.partnerId").value(world.partnerId()));
		new Api(this.mvc, this.fixtures.token(world.pam())).post(url, body(Questionnaire.PARTNER, 3, Map.of()))
			.andExpect(status().isCreated());
		executive.get(url)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latest.score").value(75))
			.andExpect(jsonPath("$.previous", hasSize(1)));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post("/api/v1/maturity/program", good)
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/maturity/questionnaires/partner")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.scale[4]").value("Measured and improved"))
			.andExpect(jsonPath("$.questions", hasSize(10)))
			.andExpect(jsonPath("$.questions[0].id").value("partner-customer-profile"));
	}

	@Test
	void thePartnersLatestMaturityResultShowsOnItsReadinessAssessment() throws Exception {
		var world = this.fixtures.world("Maturity readiness partner");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		String readiness = "/api/v1/partners/" + world.partnerId() + "/readiness";
		pam.get(readiness).andExpect(jsonPath("$.maturity").doesNotExist());
		pam.post("/api/v1/maturity/partners/" + world.partnerId(),
				body(Questionnaire.PARTNER, 3, Map.of("partner-ae-relationships", 1)))
			.andExpect(status().isCreated());
		pam.get(readiness)
			.andExpect(jsonPath("$.maturity.level").value(4))
			.andExpect(jsonPath("$.maturity.levelName").value("Scaled"))
			.andExpect(jsonPath("$.maturity.score").value(67))
			.andExpect(jsonPath("$.maturity.weakAreas[0]").value("Field relationships"));
		this.mvc.perform(get("/partners/" + world.partnerId() + "/readiness").session(login(world.partnerUser())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level 4 — Scaled, 67 of 100")));
	}

	@Test
	void thePageFormNamesTheUnansweredQuestionKeepsTheChoicesAndStoresNothingUntilComplete() throws Exception {
		var world = this.fixtures.world("Maturity page partner");
		var session = login(world.partnerUser());
		String page = "/partners/" + world.partnerId() + "/maturity";
		var form = post(page).session(session).with(csrf());
		for (var question : Questionnaire.PARTNER.questions()) {
			if (!question.id().equals("partner-pipeline-reviews")) {
				form.param("answer." + question.id(), "4");
			}
		}
		this.mvc.perform(form)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("missing: answer from 0")))
			.andExpect(content().string(containsString("value=\"4\" checked")));
		assertThat(partnerAssessments(world.partnerId())).isZero();
		form.param("answer.partner-pipeline-reviews", "4");
		this.mvc.perform(form).andExpect(status().isFound()).andExpect(redirectedUrl(page));
		this.mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level 5 — Ecosystem-led")));
		this.mvc.perform(get("/maturity").session(session)).andExpect(redirectedUrl(page));
	}

	@Test
	void aQuestionOrNoteGivenTwiceInOneSubmissionIsRefusedNamingItOnThePageAndInTheApi() throws Exception {
		var world = this.fixtures.world("Maturity twice partner");
		var session = login(world.partnerUser());
		String page = "/partners/" + world.partnerId() + "/maturity";
		var form = post(page).session(session).with(csrf());
		for (var question : Questionnaire.PARTNER.questions()) {
			form.param("answer." + question.id(), "3");
		}
		form.param("answer.partner-pipeline-reviews", "0");
		this.mvc.perform(form)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("answered 2 times")));

		// the note is one text: given twice, neither is kept unseen (s52: the first was)
		var notes = post(page).session(session).with(csrf()).param("note", "first", "second");
		for (var question : Questionnaire.PARTNER.questions()) {
			notes.param("answer." + question.id(), "3");
		}
		this.mvc.perform(notes)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("was given 2 times; give it once")));

		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		String url = "/api/v1/maturity/partners/" + world.partnerId();
		partner.post(url, body(Questionnaire.PARTNER, 3, Map.of()).replace("}}", ", \"partner-joint-plans\": 0}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(containsString("partner-joint-plans")))
			.andExpect(jsonPath("$.errors[0].message").value("is given more than once"));
		partner
			.post(url,
					body(Questionnaire.PARTNER, 3, Map.of()).replace("\"partner-joint-plans\": 3",
							"\"partner-joint-plans\": [3, 0]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.partner-joint-plans"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("answered 2 times")));
		assertThat(partnerAssessments(world.partnerId())).isZero();
	}

	private String body(Questionnaire questionnaire, int answer, Map<String, Integer> except) {
		return "{\"answers\": {" + questionnaire.questions()
			.stream()
			.map(q -> "\"" + q.id() + "\": " + except.getOrDefault(q.id(), answer))
			.collect(Collectors.joining(", ")) + "}}";
	}

	private long programAssessments() {
		return this.jdbc.sql("SELECT count(*) FROM maturity_assessment WHERE subject = 'PROGRAM'")
			.query(Long.class)
			.single();
	}

	private long partnerAssessments(long partnerId) {
		return this.jdbc.sql("SELECT count(*) FROM maturity_assessment WHERE partner_id = :p")
			.param("p", partnerId)
			.query(Long.class)
			.single();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
