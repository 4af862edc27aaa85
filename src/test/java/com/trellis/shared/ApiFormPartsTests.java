package com.trellis.shared;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * File uploads are documented as {@code multipart/form-data} bodies and a
 * {@code @RequestParam} map is no query parameter: the CRM imports listed
 * {@code parameters}, {@code parts} and {@code files} as required query parameters of
 * type object and their files as a JSON body (try-out).
 */
@TrellisTest
class ApiFormPartsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObjectMapper json;

	@Test
	void theCrmImportsTakeTheirFilesAsAMultipartBodyAndNoMapParameters() throws Exception {
		var api = description();
		for (var path : List.of("/api/v1/imports/salesforce", "/api/v1/imports/hubspot",
				"/api/v1/imports/{system}/runs")) {
			var operation = api.at("/paths/" + path.replace("/", "~1") + "/post");
			var names = new ArrayList<String>();
			operation.path("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
			assertThat(names).as(path).doesNotContain("parameters", "parts", "files");
			assertThat(operation.at("/requestBody/content").propertyNames()).as(path)
				.containsExactly("multipart/form-data");
		}
		var salesforce = api
			.at("/paths/~1api~1v1~1imports~1salesforce/post/requestBody/content/multipart~1form-data/schema");
		assertThat(salesforce.at("/properties/Account/format").asString()).isEqualTo("binary");
		// further parts are mapping parameters, not files of other names
		assertThat(salesforce.at("/additionalProperties/type").asString()).isEqualTo("string");
		assertThat(salesforce.at("/additionalProperties").has("format")).isFalse();
		var runs = api
			.at("/paths/~1api~1v1~1imports~1{system}~1runs/post/requestBody/content/multipart~1form-data/schema");
		assertThat(runs.at("/additionalProperties/format").asString()).isEqualTo("binary");
	}

	@Test
	void noQueryParameterIsAnObjectAndEveryFileUploadIsMultipart() throws Exception {
		var api = description();
		var problems = new ArrayList<String>();
		for (var path : api.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				var where = operation.getKey() + " " + path.getKey();
				for (var parameter : operation.getValue().path("parameters")) {
					var schema = parameter.path("schema");
					if (schema.has("$ref") || "object".equals(schema.path("type").asString(""))) {
						problems.add(where + " parameter " + parameter.get("name").asString());
					}
				}
				for (var content : operation.getValue().at("/requestBody/content").properties()) {
					if (content.getValue().toString().contains("\"binary\"")
							&& !content.getKey().equals("multipart/form-data")) {
						problems.add(where + " takes files as " + content.getKey());
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private JsonNode description() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		return this.json.readTree(this.mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
