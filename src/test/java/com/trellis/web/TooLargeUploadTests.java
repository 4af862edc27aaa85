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
 * An upload above the configured file limit, sent to the real server (the container
 * refuses it before any controller): the API answers a problem detail naming the file and
 * the limit instead of an empty 413. The 1 MB limit needs a context of its own (the
 * application's limit is too large to send in a test); it shares
 * {@link com.trellis.shared.FiscalYearLabelTests}' context (the same properties, the
 * limit included) rather than start one more: the zone, the fiscal year and the empty
 * program play no part in a refused upload, and those tests upload nothing.
 */
@TrellisTest
@org.springframework.test.context.TestPropertySource(properties = { "trellis.demo.enabled=false",
		"trellis.forecast.snapshot-cron=-", "trellis.business.time-zone=Europe/Berlin",
		"trellis.business.fiscal-year-start=FEBRUARY", "spring.servlet.multipart.max-file-size=1MB" })
class TooLargeUploadTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTooLargeImportFileAnswersAProblemDetailNamingTheFileAndTheLimit() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var boundary = "trellis-boundary";
		var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nemail\r\n" + "x".repeat(3 * 1024 * 1024) + "\r\n--" + boundary
				+ "--\r\n";
		var response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/trellis/contacts"))
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"field\":\"file\"", "1 MB");
	}

	@Test
	void aCutOffUploadIsA400NamingTheFileAfterTheRoleCheck() throws Exception {
		// s55: a multipart body without its closing boundary answered 500, to a partner
		// user too, and the page form Tomcat's own 400 page
		var world = this.fixtures.world("Cut Off Uploads");
		var cut = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nsource_id,name\r\n";
		var admin = cutOff("/api/v1/imports/trellis/partners", this.fixtures.token(this.fixtures.user(Role.ADMIN)),
				cut);
		assertThat(admin.statusCode()).isEqualTo(400);
		assertThat(admin.body()).contains("\"field\":\"file\"", "cut off");
		assertThat(
				cutOff("/api/v1/imports/trellis/partners", this.fixtures.token(world.partnerUser()), cut).statusCode())
			.isEqualTo(403);
		assertThat(cutOff("/api/v1/imports/salesforce", null, cut).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> cutOff(String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
