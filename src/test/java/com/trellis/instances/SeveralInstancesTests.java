package com.trellis.instances;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.trellis.notify.Notifications;
import com.trellis.notify.PartnerNotice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trellis as several instances behind a load balancer on one PostgreSQL: a session signed
 * in on one instance is valid on the other and ends on both when signed out on either;
 * every scheduled job started on both at the same moment takes effect once.
 */
class SeveralInstancesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static GreenMail smtp;

	static TwoInstances instances;

	@BeforeAll
	static void start() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		instances = new TwoInstances(smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
		smtp.stop();
	}

	@Test
	void aSignInOnOneInstanceIsValidOnTheOtherAndASignOutOnEitherEndsItOnBoth() throws Exception {
		var a = TwoInstances.baseUrl(instances.first);
		var b = TwoInstances.baseUrl(instances.second);
		// one cookie jar for both, as a browser behind one load balancer address
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		var loginPage = get(http, a + "/login");
		var signIn = post(http, b + "/login", "username=admin%40trellis.demo&password=demo&_csrf="
				+ URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8));
		assertThat(signIn.statusCode()).as("the sign-in form of A is accepted by B").isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

		var homeOnA = get(http, a + "/");
		assertThat(homeOnA.statusCode()).as("signed in on B, the home page answers on A").isEqualTo(200);
		assertThat(homeOnA.body()).contains("Ada Admin");
		var homeOnB = get(http, b + "/");
		assertThat(homeOnB.statusCode()).isEqualTo(200);

		// a flashed field error, written on A, is shown by B after the redirect
		var refused = post(http, a + "/profile/password", "currentPassword=wrong&password=x&confirmPassword=x&_csrf="
				+ URLEncoder.encode(csrf(homeOnA.body()), StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(302);
		var profileOnB = get(http, b + "/profile");
		assertThat(profileOnB.statusCode()).isEqualTo(200);
		assertThat(profileOnB.body()).as("the error flashed on A").contains("is not your current password");

		var signOut = post(http, b + "/logout",
				"_csrf=" + URLEncoder.encode(csrf(homeOnB.body()), StandardCharsets.UTF_8));
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(signOut.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));

		var afterOnA = get(http, a + "/");
		assertThat(afterOnA.statusCode()).as("signed out on B, A asks to sign in again").isEqualTo(302);
		assertThat(afterOnA.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
	}

	@Test
	void formPostsOfOneSessionAtOnceOnBothInstancesEachGetTheirRedirect() throws Exception {
		SessionRaces.postAtOnce(TwoInstances.baseUrl(instances.first), TwoInstances.baseUrl(instances.second));
	}

	@Test
	void everyScheduledJobStartedOnBothInstancesAtOnceTakesEffectOnce() throws Exception {
		var jdbc = instances.first.getBean(JdbcClient.class);
		long auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
		long partner = jdbc.sql("SELECT min(partner_id) FROM app_user WHERE partner_id IS NOT NULL")
			.query(Long.class)
			.single();
		var notices = instances.first.getBean(Notifications.class);
		for (int i = 1; i <= 3; i++) {
			notices.enqueue(
					new PartnerNotice("two-instances:" + i, partner, "TEST", "Two instances " + i, "Sent once.", "/"));
		}
		var jobs = TwoInstances.jobs(instances.first);
		assertThat(jobs).contains("ForecastJobs.snapshot", "DormancyJobs.daily", "RegistrationJobs.expire",
				"ActivationJobs.daily", "IncentiveJobs.closePreviousQuarter", "ScoringJobs.daily", "DigestJobs.weekly",
				"NotificationDispatcher.scheduled", "WebhookDispatcher.scheduled");
		// the dispatchers last, so that they also send what the other jobs noticed
		for (var job : jobs) {
			if (!job.endsWith("Dispatcher.scheduled")) {
				runOnBothAtOnce(job);
			}
		}
		runOnBothAtOnce("NotificationDispatcher.scheduled");
		runOnBothAtOnce("WebhookDispatcher.scheduled");

		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM forecast_snapshot GROUP BY week_start, scope_kind, scope_id, quarter
				HAVING count(*) > 1) twice
				""").query(Long.class).single()).as("one snapshot per scope and week").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM forecast_snapshot").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("""
				SELECT entity_type || ' ' || entity_id || ': ' || action FROM audit_entry WHERE id > :before
				GROUP BY entity_type, entity_id, action HAVING count(*) > 1
				""").param("before", auditBefore).query(String.class).list()).as("no change recorded twice").isEmpty();
		long delivered = jdbc
			.sql("SELECT count(*) FROM notification_delivery WHERE channel = 'EMAIL' AND status = 'DELIVERED'")
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE notice_key LIKE 'two-instances:%'")
			.query(Long.class)
			.single()).isEqualTo(3);
		var subjects = List.of(smtp.getReceivedMessages())
			.stream()
			.map(message -> subject(message) + " to " + recipients(message))
			.toList();
		// one mail per delivered row; the test's own notices (distinct subjects) once
		// each —
		// other notices may repeat a subject legitimately (a tier reached twice in the
		// back-fill)
		assertThat(subjects).as("each notice mailed once to each recipient")
			.hasSize((int) delivered)
			.anySatisfy(mail -> assertThat(mail).startsWith("Two instances 3 to"));
		assertThat(subjects.stream().filter(mail -> mail.startsWith("Two instances ")).toList())
			.as("the test's three notices mailed once to each recipient")
			.doesNotHaveDuplicates();
		assertThat(jdbc.sql("SELECT count(*) FROM guidance_digest_run").query(Long.class).single())
			.as("the week's digest run once")
			.isOne();
		var digests = subjects.stream().filter(mail -> mail.startsWith("Your guidance for the week of ")).toList();
		assertThat(digests).as("each person's weekly digest mailed once")
			.hasSize(jdbc.sql("SELECT people FROM guidance_digest_run").query(Integer.class).single())
			.isNotEmpty()
			.doesNotHaveDuplicates();
	}

	/**
	 * An API client keeps no session: a registration and a list through the API with a
	 * bearer token write no {@code spring_session} row and set no cookie, on the
	 * database-backed sessions production uses. The body's name is read alike whether it
	 * comes as UTF-8 (read once, before the converter) or as Latin-1 (read by the
	 * converter).
	 */
	@Test
	void anApiClientKeepsNoSessionAndItsBodyIsReadInItsCharset() throws Exception {
		var jdbc = instances.first.getBean(JdbcClient.class);
		long user = jdbc.sql("""
				SELECT min(u.id) FROM app_user u JOIN partner p ON p.id = u.partner_id
				WHERE u.role = 'PARTNER' AND u.enabled AND p.lifecycle_status IN ('ACTIVE', 'ONBOARDING')
				""").query(Long.class).single();
		var token = instances.first.getBean(com.trellis.identity.ApiTokens.class).issue(user, "no session");
		long sessions = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var url = TwoInstances.baseUrl(instances.first) + "/api/v1/registrations";
		var responses = new java.util.ArrayList<HttpResponse<String>>();
		for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
			var body = """
					{"customerName": "Café Sessionless %s GmbH", "customerDomain": "sessionless-%s.com",
					 "customerNeed": "Replace the legacy order system before Q3", "amount": 48000.00,
					 "currency": "USD", "expectedCloseDate": "2027-04-30", "creditType": "SOURCED"}
					""".formatted(charset.name(), charset.name().toLowerCase());
			var response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json;charset=" + charset.name())
				.POST(HttpRequest.BodyPublishers.ofString(body, charset))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			assertThat(response.body()).contains("\"customerName\":\"Café Sessionless " + charset.name() + " GmbH\"");
			responses.add(response);
		}
		responses
			.add(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString()));
		assertThat(responses.get(2).statusCode()).isEqualTo(200);
		assertThat(responses).allSatisfy(
				response -> assertThat(response.headers().allValues("Set-Cookie")).as("no session cookie").isEmpty());
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single())
			.as("no session row written")
			.isEqualTo(sessions);
	}

	/**
	 * An API call carrying both a bearer token and a signed-in session's cookie (a script
	 * sharing the browser's cookie jar) leaves the session as it was: no cookie set, and
	 * the cookie the client holds still signs it in (session 44 found the call changed
	 * the session's id, as a sign-in does, so a client that kept the old cookie was
	 * signed out).
	 */
	@Test
	void anApiCallCarryingASessionCookieLeavesTheSessionAsItWas() throws Exception {
		var a = TwoInstances.baseUrl(instances.first);
		var jar = new CookieManager();
		var http = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
		var loginPage = get(http, a + "/login");
		var signIn = post(http, a + "/login", "username=admin%40trellis.demo&password=demo&_csrf="
				+ URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8));
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
		var cookie = jar.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
		long admin = instances.first.getBean(JdbcClient.class)
			.sql("SELECT id FROM app_user WHERE email = 'admin@trellis.demo'")
			.query(Long.class)
			.single();
		var token = instances.first.getBean(com.trellis.identity.ApiTokens.class).issue(admin, "beside a session");
		var api = http.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/partners?size=1"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().allValues("Set-Cookie")).as("no cookie set").isEmpty();
		var home = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(HttpRequest.newBuilder(URI.create(a + "/")).header("Cookie", "SESSION=" + cookie).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).as("the cookie held before the call still signs in").isEqualTo(200);
	}

	/**
	 * The CSV links of the pages (cohorts, tiers, readiness) point under {@code /api/v1}:
	 * a signed-in browser downloads them with its session (try45: 401, as the API takes
	 * tokens only), while the API's JSON still refuses a session and a CSV without a
	 * session or token is still 401.
	 */
	@Test
	void aSignedInBrowserDownloadsThePagesCsvLinksUnderTheApi() throws Exception {
		var a = TwoInstances.baseUrl(instances.first);
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var loginPage = get(http, a + "/login");
		post(http, a + "/login", "username=admin%40trellis.demo&password=demo&_csrf="
				+ URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8));
		for (var csv : List.of("/api/v1/cohorts/metrics.csv", "/api/v1/cohorts/journey.csv",
				"/api/v1/cohorts/export.csv", "/api/v1/tiers/changes/export.csv")) {
			var download = get(http, a + csv);
			assertThat(download.statusCode()).as(csv).isEqualTo(200);
			assertThat(download.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		}
		assertThat(get(http, a + "/api/v1/cohorts/metrics").statusCode()).as("the API's JSON takes tokens only")
			.isEqualTo(401);
		var anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		assertThat(get(anonymous, a + "/api/v1/cohorts/metrics.csv").statusCode()).isEqualTo(401);
	}

	private static void runOnBothAtOnce(String job) throws Exception {
		var start = new CyclicBarrier(2);
		var runs = List.of(instances.first, instances.second).stream().map(app -> run(app, job, start)).toList();
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
	}

	private static CompletableFuture<Void> run(ConfigurableApplicationContext app, String job, CyclicBarrier start) {
		var runnable = TwoInstances.job(app, job);
		return CompletableFuture.runAsync(() -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			runnable.run();
		});
	}

	private static String subject(jakarta.mail.Message message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(jakarta.mail.Message message) {
		try {
			return List.of(message.getAllRecipients()).toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		var matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

}
