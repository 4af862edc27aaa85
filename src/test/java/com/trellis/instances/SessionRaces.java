package com.trellis.instances;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form posts of one signed-in session at the same moment, spread over instances (a form
 * sent twice by a script, two tabs): each redirect with a message stores the session's
 * flash maps, and the session store inserted that attribute's row in each request, so the
 * second insert broke the table's key and its request answered Tomcat's bare 500 after
 * its change was saved (try-out s52: an MDF request posted twice at once).
 */
final class SessionRaces {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private SessionRaces() {
	}

	/**
	 * Signs the demo admin in and sends rounds of simultaneous posts to the instances.
	 */
	static void postAtOnce(String... instances) throws Exception {
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var login = http.send(HttpRequest.newBuilder(URI.create(instances[0] + "/login")).build(),
				BodyHandlers.ofString());
		assertThat(post(http, instances[0] + "/login",
				"username=admin%40trellis.demo&password=demo&_csrf=" + csrf(login.body()))
			.join()).isEqualTo(302);
		var profile = http.send(HttpRequest.newBuilder(URI.create(instances[0] + "/profile")).build(),
				BodyHandlers.ofString());
		var token = csrf(profile.body());
		for (int round = 0; round < 8; round++) {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 0; i < 6; i++) {
				answers.add(post(http, instances[i % instances.length] + "/profile/reading",
						"locale=en-US&timeZone=" + (i % 2 == 0 ? "UTC" : "Europe%2FBerlin") + "&_csrf=" + token));
			}
			for (var answer : answers) {
				assertThat(answer.join()).as("round %d: every post gets its redirect", round).isEqualTo(302);
			}
			// the message read, the flash maps are removed again: the next round inserts
			var page = http.send(HttpRequest.newBuilder(URI.create(instances[0] + "/profile")).build(),
					BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Reading settings saved");
		}
	}

	private static CompletableFuture<Integer> post(HttpClient http, String url, String form) {
		return http
			.sendAsync(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), BodyHandlers.discarding())
			.thenApply(answer -> answer.statusCode());
	}

	private static String csrf(String page) {
		var matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
		return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

}
