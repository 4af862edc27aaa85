package com.trellis.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every schema of the OpenAPI description names one Java type of the app, and describes
 * that type: two records of one simple name ({@code Decision} of a credit dispute and of
 * an MDF request, {@code KindChoice} of staff and partner notice preferences,
 * {@code Claim} of an MDF fund and of a claim request) were one schema, so the
 * description showed one body for the other (try-out).
 */
@TrellisTest
class ApiSchemaNamesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObjectMapper json;

	@Test
	void aCreditDisputeDecisionIsDocumentedAsItselfNotAsAnMdfDecision() throws Exception {
		var api = description();
		var body = schema(api,
				api.at("/paths/~1api~1v1~1credit-disputes~1{id}~1decision/post/requestBody/content")
					.properties()
					.iterator()
					.next()
					.getValue()
					.get("schema"));
		assertThat(body.get("properties").propertyNames()).containsExactlyInAnyOrder("uphold", "reason");
	}

	@Test
	void staffNoticePreferencesListTheStaffNoticeKinds() throws Exception {
		var api = description();
		var staff = kinds(api, "/api/v1/me/notice-preferences");
		var partner = kinds(api, "/api/v1/me/partner-notice-preferences");
		assertThat(staff).contains("REGISTRATION_SUBMITTED", "LEAD_TO_ROUTE").doesNotContain("REGISTRATION", "LEAD");
		assertThat(partner).contains("REGISTRATION", "LEAD").doesNotContain("REGISTRATION_SUBMITTED");
	}

	@Test
	void anMdfFundsClaimsAreDocumentedAsTheClaimsItCarries() throws Exception {
		var api = description();
		var funds = new ArrayList<String>();
		api.at("/components/schemas").propertyNames().forEach(name -> {
			if (name.equals("MdfFund") || name.endsWith(".MdfFund")) {
				funds.add(name);
			}
		});
		assertThat(funds).hasSize(1);
		var claim = schema(api, api.at("/components/schemas").get(funds.get(0)).at("/properties/claims/items"));
		assertThat(claim.get("properties").propertyNames()).containsExactlyInAnyOrder("id", "activity", "amount",
				"currency", "fundCurrency", "fundAmount", "rate", "convertedOn");
	}

	/**
	 * The general rule: each schema named after an app class (its simple name, or a tail
	 * of its qualified name joined by dots) names exactly one, and a record's schema has
	 * only that record's properties.
	 */
	@Test
	void everySchemaNamesOneTypeOfTheAppAndDescribesIt() throws Exception {
		var api = description();
		var classes = mainClasses();
		var problems = new TreeMap<String, String>();
		for (var entry : api.at("/components/schemas").properties()) {
			var name = entry.getKey();
			var matching = classes.stream().filter(type -> tail(type, name.split("\\.").length).equals(name)).toList();
			if (matching.size() > 1) {
				problems.put(name, "names " + matching);
				continue;
			}
			if (matching.isEmpty()) {
				continue;
			}
			var type = Class.forName(matching.get(0));
			if (type.isRecord() && entry.getValue().has("properties")) {
				var components = components(type);
				var properties = new HashSet<>(entry.getValue().get("properties").propertyNames());
				properties.removeAll(components);
				properties.removeIf(property -> hasGetter(type, property));
				if (!properties.isEmpty()) {
					problems.put(name, type.getName() + " has no " + properties);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * A record's JSON properties: its components, those of an unwrapped one in its place.
	 */
	private static Set<String> components(Class<?> type) throws NoSuchFieldException {
		var names = new HashSet<String>();
		for (var component : type.getRecordComponents()) {
			var field = type.getDeclaredField(component.getName());
			if (field.isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
				names.addAll(components(component.getType()));
			}
			else {
				names.add(component.getName());
			}
		}
		return names;
	}

	private static boolean hasGetter(Class<?> type, String property) {
		var capital = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		// a getter, or a method the type declares a JSON property (a figure computed from
		// its components, such as a win rate from its counts)
		return Arrays.stream(type.getMethods())
			.anyMatch(method -> method.getParameterCount() == 0 && (method.getName().equals("get" + capital)
					|| method.getName().equals("is" + capital) || method.getName().equals(property)
							&& method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonProperty.class)));
	}

	private Set<String> kinds(JsonNode api, String path) {
		var preferences = schema(api,
				api.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content")
					.properties()
					.iterator()
					.next()
					.getValue()
					.get("schema"));
		var choice = schema(api, preferences.at("/properties/kinds/items"));
		var kinds = new HashSet<String>();
		choice.at("/properties/kind/enum").forEach(kind -> kinds.add(kind.asString()));
		return kinds;
	}

	private static JsonNode schema(JsonNode api, JsonNode schema) {
		assertThat(schema.has("$ref")).as("a named schema: " + schema).isTrue();
		return api.at("/components/schemas").get(schema.get("$ref").asString().replace("#/components/schemas/", ""));
	}

	private JsonNode description() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		return this.json.readTree(this.mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String tail(String type, int length) {
		var parts = type.split("[.$]");
		return String.join(".", Arrays.asList(parts).subList(Math.max(0, parts.length - length), parts.length));
	}

	/** The app's main classes, read from the class path (not the tests'). */
	private static List<String> mainClasses() throws Exception {
		var classes = new ArrayList<String>();
		for (var resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:com/trellis/**/*.class")) {
			var url = resource.getURL().toString();
			if (url.contains("/test-classes/")) {
				continue;
			}
			var at = url.indexOf("com/trellis/");
			var name = url.substring(at, url.length() - ".class".length()).replace('/', '.');
			if (!name.matches(".*\\$\\d.*") && !name.endsWith("package-info")) {
				classes.add(name);
			}
		}
		return classes;
	}

}
