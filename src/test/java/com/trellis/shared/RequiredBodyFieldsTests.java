package com.trellis.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A required true/false or number left out of an API body is told "is required", not what
 * its value must look like (edge27: a missing boolean was told "must be true or false,
 * not in quotes"), in every request body of the API.
 */
@TrellisTest
class RequiredBodyFieldsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aMissingBooleanInAnApiBodyIsRequiredAndNothingChanges() throws Exception {
		var world = this.fixtures.world("Required Boolean Partners");
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		for (var body : new String[] { "{\"item\": \"Budget confirmed\"}",
				"{\"item\": \"Budget confirmed\", \"ticked\": null}" }) {
			rep.post("/api/v1/opportunities/" + world.dealId() + "/checklist", body)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("ticked"))
				.andExpect(jsonPath("$.errors[0].message").value("is required"));
		}
		// a value of the wrong type keeps saying what it must be
		rep.post("/api/v1/opportunities/" + world.dealId() + "/checklist",
				"{\"item\": \"Budget confirmed\", \"ticked\": \"yes\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be true or false, not in quotes"));
	}

	/**
	 * Every API body with a true/false or number field that has no "nothing": an empty
	 * object names each such field "is required".
	 */
	@Test
	void everyRequiredPrimitiveOfEveryApiBodyIsToldItIsRequired() throws Exception {
		var checked = new LinkedHashSet<Class<?>>();
		var wrong = new ArrayList<String>();
		for (var method : this.mappings.getHandlerMethods().values()) {
			for (var parameter : method.getMethodParameters()) {
				var type = parameter.getParameterType();
				if (!parameter.hasParameterAnnotation(RequestBody.class) || !type.isRecord() || !checked.add(type)) {
					continue;
				}
				var primitives = new LinkedHashSet<String>();
				for (var component : type.getRecordComponents()) {
					if (component.getType().isPrimitive()) {
						primitives.add(component.getName());
					}
				}
				if (primitives.isEmpty()) {
					checked.remove(type);
					continue;
				}
				try {
					this.json.readerFor(type).readValue("{}");
					wrong.add(type.getName() + ": read from {}");
				}
				catch (MismatchedInputException ex) {
					var field = FieldRefusals.path(ex.getPath());
					var message = FieldRefusals.message(ex, null);
					if (!primitives.contains(field) || !message.equals("is required")) {
						wrong.add(type.getName() + " " + field + ": " + message);
					}
				}
			}
		}
		assertThat(checked).as("bodies with a required true/false or number").isNotEmpty();
		assertThat(wrong).isEmpty();
	}

	/**
	 * A list or an object where text belongs is told the field must be text (s52:
	 * {@code {"confirm": ["a"]}} got the general "is missing, malformed or …"), and a
	 * refused payout pays nothing.
	 */
	@Test
	void aListOrAnObjectWhereTextBelongsIsToldItMustBeText() throws Exception {
		var world = this.fixtures.world("Text Shape Partners");
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		for (var item : new String[] { "[\"Budget\"]", "{\"a\": 1}" }) {
			rep.post("/api/v1/opportunities/" + world.dealId() + "/checklist",
					"{\"item\": " + item + ", \"ticked\": true}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("item"))
				.andExpect(jsonPath("$.errors[0].message").value("must be text (in quotes), not a list or an object"));
		}
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		long runs = this.fixtures.count("payout_run");
		admin.post("/api/v1/payout-runs", "{\"confirm\": [\"a\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirm"))
			.andExpect(jsonPath("$.errors[0].message").value("must be text (in quotes), not a list or an object"));
		assertThat(this.fixtures.count("payout_run")).isEqualTo(runs);
	}

	/** The API description marks the fields an operation refuses when left out. */
	@Test
	void theDescriptionMarksThePayoutConfirmationAndTheNoticeKindsRequired() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN)));
		var api = this.json.readTree(admin.get("/v3/api-docs").andReturn().getResponse().getContentAsString());
		assertThat(required(api, "/paths/~1api~1v1~1payout-runs/post")).contains("confirm");
		assertThat(required(api, "/paths/~1api~1v1~1me~1notice-preferences/put")).contains("kinds");
		assertThat(required(api, "/paths/~1api~1v1~1me~1partner-notice-preferences/put")).contains("kinds");
	}

	/** The required properties of an operation's JSON body. */
	private static java.util.List<String> required(tools.jackson.databind.JsonNode api, String operation) {
		var content = api.at(operation + "/requestBody/content");
		assertThat(content.isMissingNode()).as(operation).isFalse();
		var ref = content.properties().iterator().next().getValue().at("/schema/$ref").asString();
		var names = new ArrayList<String>();
		api.at("/components/schemas")
			.get(ref.replace("#/components/schemas/", ""))
			.path("required")
			.forEach(name -> names.add(name.asString()));
		return names;
	}

}
