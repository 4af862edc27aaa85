package com.trellis.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status set outside the app's exception handlers (a page controller that also serves
 * an API path refusing, the error page fallback) answers an API request with an RFC 9457
 * problem detail like every other API error, whatever it accepts; pages keep their error
 * pages. Over a real server: the error page dispatch does not happen in MockMvc.
 */
@TrellisTest
class ApiErrorFallbackTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anotherPartnersActivityFileAnswersAProblemDetail() throws Exception {
		var mine = this.fixtures.world("Fallback own partner");
		var theirs = this.fixtures.world("Fallback other partner");
		var token = this.fixtures.token(mine.partnerUser());
		for (var accept : new String[] { "application/json", "text/html", "*/*" }) {
			var answer = get("/api/v1/partners/" + theirs.partnerId() + "/activity.csv", token, accept);
			assertThat(answer.statusCode()).as(accept).isEqualTo(404);
			problem(answer, 404);
			assertThat(answer.body()).contains("not found");
		}
	}

	@Test
	void aBadPathValueOfACsvEndpointAnswersAProblemDetailNamingIt() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var answer = get("/api/v1/partners/abc/activity.csv", token, "text/html");
		assertThat(answer.statusCode()).isEqualTo(400);
		problem(answer, 400);
		assertThat(answer.body()).contains("\"field\":\"id\"");
	}

	@Test
	void unknownApiPathsAndMethodsAnswerProblemDetails() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		problem(get("/api/v1/no-such-thing", token, "text/html"), 404);
		var delete = this.client.send(HttpRequest.newBuilder(url("/api/v1/partners/1/activity.csv"))
			.DELETE()
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		problem(delete, 405);
	}

	@Test
	void pagesKeepTheirErrorPages() throws Exception {
		var answer = get("/no-such-page", null, "text/html");
		assertThat(answer.body()).doesNotContain("application/problem+json").doesNotContain("\"status\"");
	}

	private static void problem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":" + status)
			.contains("\"title\"")
			.doesNotContain("\"timestamp\"")
			.doesNotContain("\"path\"");
	}

	private HttpResponse<String> get(String path, String token, String accept) throws Exception {
		var request = HttpRequest.newBuilder(url(path)).header("Accept", accept);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
