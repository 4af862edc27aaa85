package com.trellis.web;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.registration.Registrations;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every field of a JSON body that cannot be read is named in the one 400, whatever kind
 * of refusal each is and in whatever order they come (try-out: a number out of range, or
 * a property the request does not have, gave up the reading at that field and hid the
 * others); nothing changes.
 */
@TrellisTest
class EveryUnreadableFieldTests {

	private static final String EXPONENT = "must be written out as a plain number such as 1234.56, without an exponent such as 1e10";

	private static final String LONG_RANGE = "is out of range: a whole number from -9223372036854775808 to 9223372036854775807";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Test
	void anAmountOf1e400AfterAnUnreadableNameIsNamedWithItAndTheOtherErrors() throws Exception {
		var world = this.fixtures.world("Unreadable Overflow Registrants");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long before = this.fixtures.count("deal_registration");

		var refused = partner
			.post("/api/v1/registrations",
					registration("\"customerName\": 5", "1e400", "\"expectedCloseDate\": \"2020-01-01\""))
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).contains("customerName", "amount", "expectedCloseDate");
		assertThat(message(refused, "amount")).isEqualTo(EXPONENT);
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	/**
	 * A number is read again as it was sent once another field is taken out: 1e10 stays
	 * refused for its exponent, not read as ten billion (which the amount's maximum
	 * allows).
	 */
	@Test
	void aNumberWithAnExponentAfterAnUnreadableFieldIsStillRefusedForIt() throws Exception {
		var world = this.fixtures.world("Unreadable Exponent Registrants");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));

		var refused = partner
			.post("/api/v1/registrations",
					registration("\"customerName\": 5", "1e10", "\"expectedCloseDate\": \"2027-03-31\""))
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("customerName", "amount");
		assertThat(message(refused, "amount")).isEqualTo(EXPONENT);
	}

	@Test
	void anIdPastTheRangeOfALongIsNamedWithAnUnreadableChoiceInEitherOrder() throws Exception {
		var world = this.fixtures.world("Unreadable Overflow Approvers");
		long id = OpenRegistrations.submitted(this.registrations, world, "Unreadable Works", "unreadable");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		for (var body : List.of("{\"creditType\": \"LOTS\", \"ownerId\": 99999999999999999999}",
				"{\"ownerId\": 99999999999999999999, \"creditType\": \"LOTS\"}")) {
			var refused = pam.post("/api/v1/registrations/" + id + "/approve", body).andExpect(status().isBadRequest());

			assertThat(fields(refused)).as(body).containsExactlyInAnyOrder("ownerId", "creditType");
			assertThat(message(refused, "ownerId")).as(body).isEqualTo(LONG_RANGE);
		}
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	@Test
	void anUnknownPropertyIsNamedWithABadValueInEitherOrder() throws Exception {
		var world = this.fixtures.world("Unknown Property Registrants");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long before = this.fixtures.count("deal_registration");

		for (var body : List.of(
				registration("\"unknownThing\": 1, \"customerName\": \"Unknown Property Works\"", "\"abc\"",
						"\"expectedCloseDate\": \"2027-03-31\""),
				registration("\"customerName\": \"Unknown Property Works\"", "\"abc\"",
						"\"expectedCloseDate\": \"2027-03-31\", \"unknownThing\": 1"))) {
			var refused = partner.post("/api/v1/registrations", body).andExpect(status().isBadRequest());

			assertThat(fields(refused)).as(body).containsExactlyInAnyOrder("unknownThing", "amount");
			assertThat(message(refused, "unknownThing")).isEqualTo("is not a property of this request");
			assertThat(message(refused, "amount")).isEqualTo("must be a number such as 1234.56, not in quotes");
		}
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	/**
	 * A property given twice is named with every other unreadable field and bad value,
	 * each repeated one once, whatever comes first (try41: the first repeated property
	 * was named alone).
	 */
	@Test
	void repeatedPropertiesAreNamedWithTheOtherErrors() throws Exception {
		var world = this.fixtures.world("Repeated Property Registrants");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long before = this.fixtures.count("deal_registration");

		var refused = partner
			.post("/api/v1/registrations",
					registration("\"customerName\": \"A\", \"customerName\": \"B\", \"unknownThing\": 1", "\"abc\"",
							"\"currency\": \"EUR\", \"expectedCloseDate\": \"2020-01-01\""))
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("customerName", "currency", "unknownThing", "amount",
				"expectedCloseDate");
		assertThat(message(refused, "customerName")).isEqualTo("is given more than once");
		assertThat(message(refused, "currency")).isEqualTo("is given more than once");

		var first = partner
			.post("/api/v1/registrations", registration("\"customerName\": 5", "1.5, \"amount\": 2", "\"x\": 1"))
			.andExpect(status().isBadRequest());
		assertThat(fields(first)).contains("customerName", "amount", "x");
		assertThat(message(first, "amount")).isEqualTo("is given more than once");
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	/** A body without {@code @Valid} (a decision's reason) names them all as well. */
	@Test
	void anUnknownPropertyIsNamedWithABadValueOfABodyThatIsNotValidated() throws Exception {
		var world = this.fixtures.world("Unknown Property Deciders");
		long id = OpenRegistrations.submitted(this.registrations, world, "Unreadable Works", "unreadable");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		var refused = pam.post("/api/v1/registrations/" + id + "/reject", "{\"unknownThing\": 1, \"reason\": 5}")
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("unknownThing", "reason");
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	/**
	 * A body without {@code @Valid} whose service checks its annotations names a rule the
	 * rest of it breaks with its unreadable field (try19, try69: an account plan's
	 * unreadable account hid its empty title and negative goal); nothing is saved.
	 */
	@Test
	void aBodyThatIsNotValidatedNamesItsBrokenRulesWithItsUnreadableField() throws Exception {
		var world = this.fixtures.world("Unreadable Plan Partners");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		long before = this.fixtures.count("account_plan");

		var refused = admin.post("/api/v1/account-plans", """
				{"partnerId": %d, "accountId": "abc", "title": "", "pipelineGoal": 1000, "revenueGoal": 500,
				 "currency": "USD", "startsOn": "2026-12-01", "endsOn": "2027-03-31", "vendorOwnerId": 1,
				 "partnerContactId": 1}""".formatted(world.partnerId())).andExpect(status().isBadRequest());

		assertThat(fields(refused)).contains("accountId", "title");
		assertThat(message(refused, "accountId"))
			.isEqualTo("must be a number: a whole number such as 5, not in quotes");
		assertThat(message(refused, "title")).isEqualTo("must not be blank");
		assertThat(this.fixtures.count("account_plan")).isEqualTo(before);
	}

	/** An unknown property alone is refused as before, naming it. */
	@Test
	void anUnknownPropertyAloneIsStillRefused() throws Exception {
		var world = this.fixtures.world("Unknown Property Alone");
		long id = OpenRegistrations.submitted(this.registrations, world, "Unreadable Works", "unreadable");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		var refused = pam.post("/api/v1/registrations/" + id + "/approve", "{\"unknownThing\": 1}")
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactly("unknownThing");
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	private static String registration(String first, String amount, String last) {
		return """
				{%s, "customerDomain": "unreadable-%d.example.com",
				 "customerNeed": "Replace the planning of the whole fleet this year", "amount": %s,
				 "currency": "USD", "creditType": "SOURCED", %s}
				""".formatted(first, System.nanoTime(), amount, last);
	}

	/**
	 * A list body (the stages, the activation template) names every item's unreadable
	 * fields and the rules its other fields break in one 400, each after the body's
	 * parameter (try69: only the first unreadable field was named); nothing changes.
	 */
	@Test
	void aListBodyNamesEveryItemsBadFieldsInOneRound() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		var stages = this.jdbc.sql("SELECT code || name || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list();
		var refused = admin.put("/api/v1/process/stages", """
				[{"code":"QUALIFIED","position":2,"name":"","ownerRole":"AE","exitCriterion":"Budget",
				  "checklist":[],"normDays":"ten","active":true},
				 {"code":"COMMIT","position":"x","name":"Commit","ownerRole":"NOBODY","exitCriterion":"Signed",
				  "checklist":[],"normDays":-1,"active":true}]""").andExpect(status().isBadRequest());
		assertThat(fields(refused)).contains("stages[0].normDays", "stages[0].name", "stages[1].position",
				"stages[1].ownerRole", "stages[1].normDays");
		assertThat(message(refused, "stages[1].normDays")).isEqualTo("must be greater than or equal to 1");
		assertThat(this.jdbc.sql("SELECT code || name || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list()).isEqualTo(stages);

		var milestones = admin.put("/api/v1/activation/template", """
				[{"code": "a", "name": "A", "dueDay": "soon", "owner": "PAM"},
				 {"code": "b", "name": "", "dueDay": 500, "owner": "SOMEONE"}, null]""")
			.andExpect(status().isBadRequest());
		assertThat(fields(milestones)).contains("milestones[0].dueDay", "milestones[1].owner", "milestones[1].dueDay",
				"milestones[2]");
	}

	/**
	 * The stages' own rules (an executive owner, a checklist item twice, a stage given
	 * twice) name the item too, all in one 400 (s70: the executive owner was named
	 * {@code ownerRole}, and a second QUALIFIED was silently dropped); nothing changes.
	 */
	@Test
	void theStagesOwnRulesNameTheirItem() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		var stages = this.jdbc.sql("SELECT code || name || owner_role || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list();
		var refused = admin.put("/api/v1/process/stages", """
				[{"code":"COMMIT","position":4,"name":"Commit","ownerRole":"AE","exitCriterion":"Signed",
				  "checklist":["Order form", "order  FORM"],"normDays":10,"active":true},
				 {"code":"QUALIFIED","position":2,"name":"Qualified","ownerRole":"EXECUTIVE","exitCriterion":"Budget",
				  "checklist":[],"normDays":10,"active":true},
				 {"code":"QUALIFIED","position":2,"name":"Qualified again","ownerRole":"AE","exitCriterion":"Budget",
				  "checklist":[],"normDays":12,"active":true}]""").andExpect(status().isBadRequest());
		assertThat(fields(refused)).containsExactlyInAnyOrder("stages[0].checklist", "stages[1].ownerRole",
				"stages[2].code");
		assertThat(message(refused, "stages[2].code")).contains("stages[1] and stages[2]");
		assertThat(this.jdbc.sql("SELECT code || name || owner_role || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list()).isEqualTo(stages);
	}

	private static List<String> fields(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].field");
	}

	private static String message(ResultActions result, String field) throws Exception {
		List<String> messages = JsonPath.read(result.andReturn().getResponse().getContentAsString(),
				"$.errors[?(@.field == '" + field + "')].message");
		assertThat(messages).as(field).hasSize(1);
		return messages.get(0);
	}

}
