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
 * URLs the security firewall refuses before any controller runs (a double slash, a
 * semicolon, an encoded slash): the API answers a problem detail naming the path, pages
 * answer the 400 page with the layout, never Spring's default error JSON.
 */
@TrellisTest
class RejectedUrlTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anApiUrlTheFirewallRefusesAnswersAProblemDetailNamingThePath() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		for (var path : new String[] { "/api/v1//partners", "/api/v1/partners;x=1", "/api/v1/partners%2F1" }) {
			var answer = this.client.send(HttpRequest.newBuilder(url(path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).as(path).contains("\"field\":\"path\"").doesNotContain("\"timestamp\"");
		}
	}

	@Test
	void aPageUrlTheFirewallRefusesAnswersTheErrorPageWithAWayBack() throws Exception {
		var answer = this.client.send(HttpRequest.newBuilder(url("/partners//1")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("<html").contains("href=\"/\"");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
