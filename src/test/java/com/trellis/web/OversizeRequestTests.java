package com.trellis.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request line or request headers longer than the container reads (8 KB) are refused by
 * the container before the app: the API answers a problem detail saying what is too long
 * (414 for the request line, 431 for the headers), a page a short readable HTML page
 * (try-out: {@code GET /api/v1/partners?tier=} and 10,000 characters answered the
 * container's bare "HTTP Status 400 – Bad Request" page). Over a real server: the
 * container refuses these before any servlet runs.
 */
@TrellisTest
class OversizeRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anApiRequestLineTooLongIsAProblemDetailSayingSo() throws Exception {
		var token = "Bearer " + this.fixtures.token(this.fixtures.user(Role.ADMIN));
		for (int length : List.of(10_000, 70_000)) {
			for (var authorization : List.of(token, "Bearer nonsense")) {
				var answer = send("/api/v1/partners?tier=" + "x".repeat(length), "Authorization", authorization);

				assertThat(answer.statusCode()).as("%d", length).isEqualTo(414);
				assertThat(answer.headers().firstValue("Content-Type")).as("%d", length)
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				var problem = this.json.readTree(answer.body());
				assertThat(problem.get("status").asInt()).isEqualTo(414);
				assertThat(problem.get("detail").asString()).contains("request line is too long", "8 KB");
				assertThat(problem.at("/errors/0/field").asString()).isEqualTo("url");
			}
		}
		// a long one within the limit still reaches the app, which names the bad filter
		var within = send("/api/v1/partners?tier=" + "x".repeat(7_000), "Authorization", token);
		assertThat(within.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(within.body()).at("/errors/0/field").asString()).isEqualTo("tier");
	}

	@Test
	void aPageRequestLineTooLongIsAReadablePage() throws Exception {
		var answer = send("/partners?tier=" + "x".repeat(10_000), "Accept", "text/html");

		assertThat(answer.statusCode()).isEqualTo(414);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("<html", "too long", "8 KB").doesNotContain("HTTP Status 400");
	}

	@Test
	void requestHeadersTooLargeAreSaidToBeTooLargeNotMalformed() throws Exception {
		var token = "Bearer " + this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var api = this.http.send(HttpRequest.newBuilder(url("/api/v1/partners"))
			.header("Authorization", token)
			.header("X-Big", "y".repeat(10_000))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(431);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"field\":\"header\"", "too large", "8 KB").doesNotContain("control");

		var page = send("/partners", "X-Big", "y".repeat(10_000));
		assertThat(page.statusCode()).isEqualTo(431);
		assertThat(page.body()).contains("<html", "too large");
	}

	private HttpResponse<String> send(String path, String header, String value) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path)).header(header, value).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
