package com.trellis.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form or query whose bytes are not valid UTF-8, sent to the real server: the 400 page
 * and the problem detail say what was wrong instead of listing nothing.
 */
@TrellisTest
class InvalidUtf8Tests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aFormThatIsNotValidUtf8IsRefusedSayingSo() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var login = client.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
		var csrf = csrf(login.body());
		client.send(form("/login", "username=" + this.fixtures.email(admin) + "&password=secret&_csrf=" + csrf),
				HttpResponse.BodyHandlers.ofString());
		var home = client.send(HttpRequest.newBuilder(url("/partners")).build(), HttpResponse.BodyHandlers.ofString());
		csrf = csrf(home.body());

		var page = client.send(HttpRequest.newBuilder(url("/partners?q=%FF%FE")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("data-field=\"q\"", "not valid UTF-8");

		var world = this.fixtures.world("Utf8 Partners");
		var post = client.send(
				form("/opportunities/" + world.dealId() + "/correction",
						"_csrf=" + csrf + "&amount=1&currency=USD&reason=%C3%28"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(400);
		assertThat(post.body()).contains("not valid UTF-8");

		var api = client.send(HttpRequest.newBuilder(url("/api/v1/partners?q=%FF"))
			.header("Authorization", "Bearer " + this.fixtures.token(admin))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("\"field\":\"q\"", "not valid UTF-8");

		// an endpoint whose ownership check reads the query before binding (the KPIs'
		// slice) names the parameter too (try23: 500)
		for (var path : java.util.List.of("/api/v1/kpis?x=%C0%AF", "/api/v1/kpis/funnel?slice=%FF")) {
			var checked = client.send(HttpRequest.newBuilder(url(path))
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(checked.statusCode()).as(path).isEqualTo(400);
			assertThat(checked.body()).as(path).contains("not valid UTF-8");
		}
	}

	/**
	 * Bad bytes or a NUL in the query of a path that does not exist: the API answers its
	 * problem detail and a page its error page, never a 500 (try23: 500 and an HTML 400).
	 */
	@Test
	void anUnknownPathWithBadBytesIsNotAServerError() throws Exception {
		var client = HttpClient.newHttpClient();
		var world = this.fixtures.world("Unknown Path Partners");
		for (var token : java.util.List.of(this.fixtures.token(this.fixtures.user(Role.ADMIN)),
				this.fixtures.token(world.partnerUser()))) {
			for (var query : java.util.List.of("x=%C0%AF", "x=%FF", "x=a%00b", "%FF=1")) {
				for (var path : java.util.List.of("/api/v1/no-such-thing", "/api/v1/partners/1/no-such-thing")) {
					var answer = client.send(HttpRequest.newBuilder(url(path + "?" + query))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(answer.statusCode()).as(path + "?" + query).isBetween(400, 499);
					assertThat(answer.headers().firstValue("Content-Type")).as(path + "?" + query)
						.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				}
			}
		}
		for (var query : java.util.List.of("x=%C0%AF", "x=a%00b")) {
			var page = client.send(
					HttpRequest.newBuilder(url("/no-such-page?" + query)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(query).isLessThan(500); // 400, or the
																		// sign-in's 302
		}
	}

	/**
	 * A NUL or another control character in a parameter's name, on operations that exist
	 * (the partners' list, the KPIs whose ownership check reads the query, a KPI's
	 * records): a 400 problem detail saying so, for an admin and a partner user, and the
	 * 400 page on a page (try26: the firewall's refusal answered 500 on the API).
	 */
	@Test
	void aControlCharacterInAParameterNameIsRefusedSayingSo() throws Exception {
		var client = HttpClient.newHttpClient();
		var world = this.fixtures.world("Control Name Partners");
		for (var token : java.util.List.of(this.fixtures.token(this.fixtures.user(Role.ADMIN)),
				this.fixtures.token(world.partnerUser()))) {
			for (var query : java.util.List.of("%00=1", "x%00=1", "a%0D%0Ab=1", "x=1&%01=2")) {
				for (var path : java.util.List.of("/api/v1/partners", "/api/v1/kpis",
						"/api/v1/kpis/WIN_RATE/records")) {
					var answer = client.send(HttpRequest.newBuilder(url(path + "?" + query))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(answer.statusCode()).as(path + "?" + query).isEqualTo(400);
					assertThat(answer.headers().firstValue("Content-Type")).as(path + "?" + query)
						.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
					assertThat(answer.body()).as(path + "?" + query).contains("control character");
				}
			}
		}
	}

	/**
	 * The CSRF token of the page's first form ({@code _csrf} hidden field: the sign-in
	 * form, the header's sign-out form). The pages carry no {@code _csrf} meta tag: the
	 * former {@code replaceAll} on one found nothing on {@code /partners}, so it returned
	 * the whole page as the "token" after backtracking over it for seconds.
	 */
	private static String csrf(String page) {
		var token = CSRF.matcher(page);
		assertThat(token.find()).as("a form's CSRF field").isTrue();
		return token.group(1);
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
