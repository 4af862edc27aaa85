package com.trellis.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container or the security firewall refuses before any controller
 * runs: an encoded NUL or bytes that are not UTF-8 in the path, a control character in a
 * header. The API answers its problem detail naming what was refused ({@code path}, the
 * header), as every other bad input; a page keeps an HTML error (edge27: the container's
 * own HTML 400 page on the API, and a header value the firewall refused named
 * {@code path}).
 */
@TrellisTest
class ContainerRefusalTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void anApiPathWithAnEncodedNulOrBadBytesIsAProblemDetailNamingThePath() throws Exception {
		var client = HttpClient.newHttpClient();
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		for (var path : List.of("/api/v1/cadence/%00", "/api/v1/partners/%C0%AF", "/api/v1/partners/%FF",
				"/api/v1/partners/1%00/notes")) {
			for (var authorization : List.of("Bearer " + token, "Bearer nonsense")) {
				var answer = client.send(
						HttpRequest.newBuilder(url(path)).header("Authorization", authorization).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).as(path).isEqualTo(400);
				assertThat(answer.headers().firstValue("Content-Type")).as(path)
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(answer.body()).as(path).contains("\"field\":\"path\"", "not UTF-8");
			}
		}
		var page = client.send(HttpRequest.newBuilder(url("/partners/%00")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<html");
	}

	@Test
	void aControlCharacterInAHeaderIsAProblemDetailNamingTheHeaderOnTheApi() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		for (var header : List.of("X-Note: a\u0001b", "X-Note: a\u007fb", "Accept: a\u0000b")) {
			var answer = raw("/api/v1/partners", "Authorization: Bearer " + token + "\r\n" + header);
			assertThat(answer).as(header).startsWith("HTTP/1.1 400");
			assertThat(answer).as(header).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(answer).as(header).contains("\"field\":\"header\"", "control character");
			var page = raw("/partners", header);
			assertThat(page).as(header).startsWith("HTTP/1.1 400").contains("<html");
		}
		// a header value the container lets through and the firewall refuses (a C1
		// control character) is named by its header, not "path"
		var accept = raw("/api/v1/partners", "Authorization: Bearer " + token + "\r\nAccept: a\u0085b");
		assertThat(accept).startsWith("HTTP/1.1 400");
		assertThat(accept).contains("\"field\":\"Accept\"", "control character").doesNotContain("\"path\"");
	}

	/** A GET sent byte for byte (the JDK's client refuses control characters). */
	private String raw(String path, String headers) throws IOException {
		try (var socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			var request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
					+ "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			var out = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
