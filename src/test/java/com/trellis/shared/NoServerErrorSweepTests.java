package com.trellis.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every operation of the published OpenAPI description, called by an admin and by a
 * partner user with malformed parameters and bodies, answers a 4xx with a problem detail,
 * never a 5xx. Bodies go to records that do not exist, so nothing is changed.
 */
@TrellisTest
class NoServerErrorSweepTests {

	private static final String NO_SUCH_ID = "2147483647";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObjectMapper json;

	@Test
	void noMalformedRequestToAnyApiOperationAnswersAServerError() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Sweep Partner");
		var description = this.mvc.perform(get("/v3/api-docs").session(login(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var api = this.json.readTree(description);
		var failures = new ArrayList<String>();
		int calls = 0;
		for (var caller : List.of(admin, world.partnerUser())) {
			var token = "Bearer " + this.fixtures.token(caller);
			for (var path : api.get("paths").properties()) {
				for (var operation : path.getValue().properties()) {
					var method = HttpMethod.valueOf(operation.getKey().toUpperCase());
					for (var call : calls(api, path.getKey(), method, operation.getValue())) {
						calls++;
						var response = this.mvc.perform(call.request().header("Authorization", token))
							.andReturn()
							.getResponse();
						var problem = verdict(response, call.mayPass());
						if (problem != null) {
							failures.add(caller.role() + " " + method + " " + path.getKey() + " " + call.what() + ": "
									+ problem);
						}
					}
				}
			}
		}
		assertThat(calls).as("calls made").isGreaterThan(300);
		assertThat(failures).isEmpty();
	}

	private String verdict(MockHttpServletResponse response, boolean mayPass) throws Exception {
		int status = response.getStatus();
		if (status >= 500) {
			return status + " " + response.getContentAsString();
		}
		if (status < 400) {
			return mayPass ? null : status + " although the request was malformed";
		}
		var body = response.getContentAsString();
		if (!body.startsWith("{") || !this.json.readTree(body).has("status")) {
			return status + " without a problem detail: " + body;
		}
		return null;
	}

	/** The malformed calls to make to one operation. */
	private List<Call> calls(JsonNode api, String path, HttpMethod method, JsonNode operation) {
		var pathParameters = new LinkedHashMap<String, JsonNode>();
		var queryParameters = new LinkedHashMap<String, JsonNode>();
		for (var parameter : operation.path("parameters")) {
			var schema = parameter.path("schema");
			if (schema.has("$ref") || "object".equals(schema.path("type").asString(""))) {
				continue;
			}
			("path".equals(parameter.path("in").asString("")) ? pathParameters : queryParameters)
				.put(parameter.get("name").asString(), schema);
		}
		var calls = new ArrayList<Call>();
		var valid = url(path, pathParameters, null, "1");
		var body = operation.path("requestBody").path("content");
		// parameter calls carry the operation's body type, so that they reach the
		// operation
		var bodyType = body.propertyNames().stream().findFirst().orElse("application/json");
		for (var name : pathParameters.keySet()) {
			if ("integer".equals(pathParameters.get(name).path("type").asString(""))) {
				calls.add(new Call(name + "=abc",
						request(method, url(path, pathParameters, name, "1")).contentType(bodyType), false));
			}
		}
		for (var parameter : queryParameters.entrySet()) {
			for (var bad : badValues(parameter.getKey(), parameter.getValue())) {
				calls.add(new Call(parameter.getKey() + "=" + bad.replace("\0", "\\0"),
						request(method, valid).contentType(bodyType).param(parameter.getKey(), bad), false));
			}
		}
		if (queryParameters.containsKey("from") && queryParameters.containsKey("to")) {
			calls.add(new Call("from after to",
					request(method, valid).contentType(bodyType).param("from", "2026-06-01").param("to", "2026-01-01"),
					false));
		}
		calls.add(new Call("NUL in an extra parameter",
				request(method, valid).contentType(bodyType).param("note", "a\0b"), false));
		if (!body.isMissingNode()) {
			var target = url(path, pathParameters, null, NO_SUCH_ID);
			if (body.has("application/json")) {
				var schema = resolve(api, body.get("application/json").path("schema"));
				boolean list = "array".equals(schema.path("type").asString(""));
				var element = list ? resolve(api, schema.path("items")) : schema;
				var names = new ArrayList<String>();
				element.path("properties").propertyNames().forEach(names::add);
				var first = names.isEmpty() ? "name" : names.get(0);
				var wrong = new StringBuilder("{");
				for (var name : names) {
					wrong.append(wrong.length() > 1 ? "," : "").append('"').append(name).append("\":{\"x\":[1]}");
				}
				wrong.append('}');
				Map<String, String> bodies = new LinkedHashMap<>();
				bodies.put("invalid JSON", "{\"" + first + "\": ");
				bodies.put("unknown property", "{\"zzUnknown\": 1}");
				bodies.put("duplicate key", "{\"" + first + "\": 1, \"" + first + "\": 2}");
				bodies.put("wrong types", wrong.length() > 2 ? wrong.toString() : "\"text\"");
				bodies.put("NUL in a string", "{\"" + first + "\": \"a\\u0000b\"}");
				for (var entry : bodies.entrySet()) {
					var text = list ? "[" + entry.getValue() + "]" : entry.getValue();
					if (entry.getKey().equals("invalid JSON")) {
						text = entry.getValue();
					}
					calls.add(new Call("body " + entry.getKey(),
							request(method, target).contentType("application/json").content(text), false));
				}
				calls.add(new Call("body [null]",
						request(method, target).contentType("application/json").content("[null]"), false));
				calls.add(new Call("body {}",
						request(method, target).contentType("application/json").content(list ? "[{}]" : "{}"), true));
			}
			else {
				for (var type : body.propertyNames()) {
					calls.add(new Call("body " + type + " with NUL",
							request(method, target).contentType(type).content("a\0b\n"), false));
				}
			}
		}
		return calls;
	}

	private static List<String> badValues(String name, JsonNode schema) {
		var type = schema.path("type").asString("");
		if (schema.has("enum")) {
			return List.of("NOT_A_VALUE", "a\0b");
		}
		if ("integer".equals(type) || "number".equals(type)) {
			return name.equals("page") ? List.of("abc", "99999999") : List.of("abc", "1e999");
		}
		if ("boolean".equals(type)) {
			return List.of("maybe");
		}
		if ("date".equals(schema.path("format").asString(""))) {
			return List.of("2026-13-45", "a\0b");
		}
		return List.of("a\0b");
	}

	private static JsonNode resolve(JsonNode api, JsonNode schema) {
		if (schema.has("$ref")) {
			var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return api.path("components").path("schemas").path(name);
		}
		return schema;
	}

	/**
	 * The path with its parameters filled in: {@code bad} gets "abc", the others a value.
	 */
	private static String url(String path, Map<String, JsonNode> parameters, String bad, String id) {
		var url = path;
		for (var parameter : parameters.entrySet()) {
			var schema = parameter.getValue();
			String value;
			if (parameter.getKey().equals(bad)) {
				value = "abc";
			}
			else if (schema.has("enum")) {
				value = schema.get("enum").get(0).asString();
			}
			else if ("integer".equals(schema.path("type").asString(""))) {
				value = parameter.getKey().equals("week") ? "8" : id;
			}
			else if (parameter.getKey().equals("quarter")) {
				value = "2026-Q4";
			}
			else if (parameter.getKey().equals("day")) {
				value = "2026-06-30";
			}
			else {
				value = "EUR";
			}
			url = url.replace("{" + parameter.getKey() + "}", value);
		}
		return url;
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private record Call(String what, MockHttpServletRequestBuilder request, boolean mayPass) {
	}

}
