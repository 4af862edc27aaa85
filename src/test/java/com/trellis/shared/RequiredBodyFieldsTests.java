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
					var message = FieldRefusals.message(ex);
					if (!primitives.contains(field) || !message.equals("is required")) {
						wrong.add(type.getName() + " " + field + ": " + message);
					}
				}
			}
		}
		assertThat(checked).as("bodies with a required true/false or number").isNotEmpty();
		assertThat(wrong).isEmpty();
	}

}
