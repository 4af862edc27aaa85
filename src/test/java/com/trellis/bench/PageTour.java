package com.trellis.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's row "every list page and the home page of each role": signed-in users of
 * each role (form sign-in, sessions like a browser) open their home page and, for the
 * roles given, every page of their navigation and every page those pages link to that is
 * neither a record's page (a path with a number), a form nor a download (the funnel
 * linked from {@code /metrics}, the forecast's accuracy linked from {@code /forecast}),
 * {@code clients} at once, each page {@code requests} times per client after one warm-up
 * request. A page whose warm-up takes longer than {@link #TOO_SLOW} is recorded with that
 * one request only, so one very slow page cannot hold up the tour.
 */
final class PageTour {

	static final Duration TOO_SLOW = Duration.ofSeconds(20);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern NAV = Pattern.compile("<nav id=\"main-nav\">(.*?)</nav>", Pattern.DOTALL);

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

	private static final Pattern MAIN = Pattern.compile("<main[^>]*>(.*?)</main>", Pattern.DOTALL);

	/**
	 * Where a page's own links do not lead to a page of the tour: sign-in and password
	 * pages, the static files, the API, personal settings.
	 */
	private static final List<String> NOT_PAGES = List.of("/login", "/logout", "/password", "/webjars/", "/css/",
			"/js/", "/api/", "/notifications/preferences", "/notice-preferences");

	/** Links of the navigation that are forms or personal settings, not lists. */
	private static final List<String> NOT_LISTS = List.of("/registrations/new", "/profile", "/me/tokens");

	/**
	 * The pages to measure, {@code -Dtrellis.bench.pages=/opportunities,/metrics/funnel}
	 * (exact paths, "/" and "/portal" for the home pages); every page when not set.
	 */
	private static final List<String> ONLY = java.util.Arrays
		.stream(System.getProperty("trellis.bench.pages", "").split(","))
		.map(String::strip)
		.filter(page -> !page.isEmpty())
		.toList();

	private final int port;

	private final JdbcClient jdbc;

	private final int clients;

	private final int requests;

	PageTour(int port, JdbcClient jdbc, int clients, int requests) {
		this.port = port;
		this.jdbc = jdbc;
		this.clients = clients;
		this.requests = requests;
	}

	/**
	 * One row per role and page: the home page of every role, and every navigation page
	 * of the roles in {@code listRoles}; the CPU of the JVM and of the PostgreSQL of
	 * {@code dataDir} is read during the warm-up passes and the measured phase
	 * ({@link #cpu}).
	 */
	List<Row> tour(List<String> roles, List<String> listRoles, java.nio.file.Path dataDir) throws Exception {
		var planned = new ArrayList<Planned>();
		for (var role : roles) {
			planned.add(plan(role, listRoles));
		}
		// every page of every role from every session, unmeasured, until the JIT has
		// settled: the pages measured first were otherwise measured while the server
		// compiler still compiled the code all pages share (views, security, sessions),
		// and its threads took a fifth of the measured phase's CPU
		for (int done = 0; done < WARM_UP_MAX; done++) {
			var pass = new ProcessCpu(dataDir);
			for (var plan : planned) {
				var pages = plan.pages().stream().filter(page -> ONLY.isEmpty() || ONLY.contains(page)).toList();
				allAtOnce(plan.sessions().stream().map(session -> (Callable<Void>) () -> {
					for (var page : pages) {
						status(session, page);
					}
					return null;
				}).toList());
			}
			this.warmUpShares.add(pass.compilerShare());
			if (done + 1 >= WARM_UP_PASSES && this.warmUpShares.get(done) < JitShare.SETTLED) {
				break;
			}
		}
		this.measured = new ProcessCpu(dataDir);
		var rows = new ArrayList<Row>();
		for (var plan : planned) {
			for (var page : plan.pages()) {
				if (ONLY.isEmpty() || ONLY.contains(page)) {
					var row = measure(plan.role(), plan.email(), page, plan.sessions());
					var from = plan.linkedFrom().get(page);
					rows.add(from == null ? row : row.linkedFrom(from));
				}
			}
		}
		return rows;
	}

	/**
	 * Unmeasured passes over every page of the tour (each session of a role at once, as
	 * in the measured phase) before the first is measured, at least
	 * {@code -Dtrellis.bench.page-warm-up-passes} (default 1; 0 measures each page after
	 * its own warm-up request only, as the tour did up to 2026-12-04), then more until
	 * the JIT compiler threads' CPU in a pass is under {@value JitShare#SETTLED} of the
	 * CPU the JVM and PostgreSQL used in it ({@link ProcessCpu#compilerShare}), at most
	 * {@code -Dtrellis.bench.page-warm-up-max} (default 15) in all.
	 */
	private static final int WARM_UP_PASSES = Integer.getInteger("trellis.bench.page-warm-up-passes", 1);

	private static final int WARM_UP_MAX = WARM_UP_PASSES == 0 ? 0
			: Math.max(WARM_UP_PASSES, Integer.getInteger("trellis.bench.page-warm-up-max", 15));

	private final List<Double> warmUpShares = new ArrayList<>();

	private ProcessCpu measured;

	/** The CPU of the measured phase per page request ({@code requests} in all). */
	String cpu(long requests) {
		return this.measured.report("page request (warm-ups included)", requests);
	}

	/** The JIT's share of each warm-up pass, for the report. */
	String warmUp() {
		return String.format(Locale.ROOT,
				"%nwarm-up: %d passes over every page from every session, the JIT compiler threads' share of"
						+ " each pass's CPU %s (settled under %.0f%%)%n",
				this.warmUpShares.size(),
				this.warmUpShares.stream().map(share -> String.format(Locale.ROOT, "%.0f%%", share * 100)).toList(),
				JitShare.SETTLED * 100);
	}

	/**
	 * A role's signed-in sessions and pages, and the page each linked page was found on.
	 */
	private record Planned(String role, String email, List<HttpClient> sessions, List<String> pages,
			java.util.Map<String, String> linkedFrom) {
	}

	private Planned plan(String role, List<String> listRoles) throws Exception {
		var email = user(this.jdbc, role);
		var sessions = new ArrayList<HttpClient>();
		for (int c = 0; c < this.clients; c++) {
			sessions.add(signIn(email));
		}
		var home = "PARTNER".equals(role) ? "/portal" : "/";
		var pages = new LinkedHashSet<String>();
		pages.add(home);
		var linkedFrom = new java.util.LinkedHashMap<String, String>();
		if (listRoles.contains(role)) {
			for (var link : navigation(get(sessions.get(0), home))) {
				// a tour limited to some pages opens only those links, the links of
				// the pages linking to them (/metrics for /metrics/funnel) and the
				// partner user's (which redirect to its own pages) to find where they
				// lead
				if (ONLY.isEmpty() || ONLY.contains(link) || "PARTNER".equals(role) || leadsToOnly(link)) {
					pages.add(target(sessions.get(0), link));
				}
			}
			// the pages the navigation's pages link to, one step on
			for (var page : List.copyOf(pages)) {
				if (page.equals(home) || !(ONLY.isEmpty() || leadsToOnly(page))) {
					continue;
				}
				for (var link : linkedPages(bodyOrNothing(sessions.get(0), page))) {
					if (!pages.contains(link) && !linkedFrom.containsKey(link)) {
						var linked = target(sessions.get(0), link);
						if (!pages.contains(linked)) {
							linkedFrom.putIfAbsent(linked, page);
						}
					}
				}
			}
			pages.addAll(linkedFrom.keySet());
		}
		return new Planned(role, email, sessions, List.copyOf(pages), linkedFrom);
	}

	/**
	 * The user a role's pages are opened as: the demo's admin and executive, the PAM with
	 * the largest book, a user of the active partner with the most open deals, and the
	 * first sales manager and AE.
	 */
	static String user(JdbcClient jdbc, String role) {
		var sql = switch (role) {
			case "PAM" -> """
					SELECT u.email FROM app_user u JOIN partner p ON p.owner_pam_id = u.id
					WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id, u.email ORDER BY count(*) DESC, u.id LIMIT 1
					""";
			case "PARTNER" -> """
					SELECT u.email FROM app_user u
					JOIN partner p ON p.id = u.partner_id AND p.lifecycle_status = 'ACTIVE'
					JOIN (SELECT partner_id, count(*) AS deals FROM opportunity
					      WHERE partner_id IS NOT NULL AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					      GROUP BY partner_id) o ON o.partner_id = u.partner_id
					WHERE u.role = 'PARTNER' AND u.enabled ORDER BY o.deals DESC, u.id LIMIT 1
					""";
			default -> "SELECT email FROM app_user WHERE role = :role AND enabled ORDER BY id LIMIT 1";
		};
		var statement = jdbc.sql(sql);
		return (sql.contains(":role") ? statement.param("role", role) : statement).query(String.class).single();
	}

	private static List<String> navigation(String html) {
		var nav = NAV.matcher(html);
		var links = new ArrayList<String>();
		if (nav.find()) {
			var href = HREF.matcher(nav.group(1));
			while (href.find()) {
				var link = href.group(1);
				if (!NOT_LISTS.contains(link) && !links.contains(link)) {
					links.add(link);
				}
			}
		}
		return links;
	}

	/** Whether a page of a limited tour is below this link ({@code /metrics/funnel}). */
	private static boolean leadsToOnly(String link) {
		var path = link.replaceAll("[?#].*", "");
		return ONLY.stream().anyMatch(page -> page.startsWith(path + "/"));
	}

	/**
	 * The pages a page's main part links to (paths without their query), leaving out a
	 * record's pages (a path segment with a digit), forms ({@code /new}, {@code /edit}),
	 * downloads (a last segment with a dot) and {@link #NOT_PAGES}.
	 */
	static List<String> linkedPages(String html) {
		var main = MAIN.matcher(html);
		var links = new ArrayList<String>();
		if (!main.find()) {
			return links;
		}
		var href = HREF.matcher(main.group(1));
		while (href.find()) {
			var path = href.group(1).replace("&amp;", "&").replaceAll("[?#].*", "");
			var last = path.substring(path.lastIndexOf('/') + 1);
			boolean record = java.util.Arrays.stream(path.split("/")).anyMatch(s -> s.matches(".*[0-9].*"));
			boolean form = path.endsWith("/new") || path.endsWith("/edit") || NOT_LISTS.contains(path);
			if (path.length() > 1 && !record && !form && !last.contains(".")
					&& NOT_PAGES.stream().noneMatch(path::startsWith) && !links.contains(path)) {
				links.add(path);
			}
		}
		return links;
	}

	/**
	 * The page a navigation link shows: the link itself, or where it redirects within the
	 * application (the enablement link of a partner user goes to its own page).
	 */
	private String target(HttpClient session, String link) throws Exception {
		var page = link;
		for (int hop = 0; hop < 3; hop++) {
			var response = session.send(request(page).build(), HttpResponse.BodyHandlers.discarding());
			var location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null) {
				return page;
			}
			var next = URI.create("http://127.0.0.1:" + this.port + page).resolve(location);
			if (next.getPort() != this.port || next.getPath().startsWith("/login")) {
				return page;
			}
			page = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
		}
		return page;
	}

	private Row measure(String role, String email, String page, List<HttpClient> sessions) throws Exception {
		var from = java.time.Instant.now();
		long statementsBefore = StatementCounter.count();
		long started = System.nanoTime();
		var failure = status(sessions.get(0), page);
		long warmup = System.nanoTime() - started;
		// the warm-up runs alone: the statements it sent are the page's (with the
		// session's own reads and writes)
		long statements = StatementCounter.count() - statementsBefore;
		if (failure != null || warmup > TOO_SLOW.toNanos()) {
			return new Row(role, email, page, new Samples(new long[] { warmup }, warmup), statements, from,
					java.time.Instant.now(),
					failure != null ? failure : "warm-up over " + TOO_SLOW.toSeconds() + " s: one request only");
		}
		var tasks = new ArrayList<Callable<long[]>>();
		var failures = java.util.Collections.synchronizedList(new ArrayList<String>());
		for (var session : sessions) {
			tasks.add(() -> {
				long[] latencies = new long[this.requests];
				for (int i = 0; i < latencies.length; i++) {
					long began = System.nanoTime();
					var problem = status(session, page);
					latencies[i] = System.nanoTime() - began;
					if (problem != null) {
						failures.add(problem);
					}
				}
				return latencies;
			});
		}
		long began = System.nanoTime();
		var perClient = allAtOnce(tasks);
		return new Row(role, email, page, Samples.merge(perClient, System.nanoTime() - began), statements, from,
				java.time.Instant.now(),
				failures.isEmpty() ? null : failures.size() + " not 200, e.g. " + failures.get(0));
	}

	/** Runs the tasks at once, one thread each, and returns their results in order. */
	private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
		var pool = Executors.newFixedThreadPool(tasks.size());
		try {
			var results = new ArrayList<T>();
			for (var future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * One signed-in request of {@code page} as the user the tour takes for {@code role},
	 * for a {@link RequestProfile} of the page.
	 */
	Runnable request(String role, String page) throws Exception {
		var session = signIn(user(this.jdbc, role));
		return () -> {
			try {
				get(session, page);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	/** Null when the page answered 200, else what it answered. */
	private String status(HttpClient session, String page) throws Exception {
		var response = session.send(request(page).build(), HttpResponse.BodyHandlers.discarding());
		return response.statusCode() == 200 ? null
				: response.statusCode() + response.headers().firstValue("Location").map(l -> " to " + l).orElse("");
	}

	/** The page's HTML, or nothing when it does not answer 200 (its row says what). */
	private String bodyOrNothing(HttpClient session, String page) throws Exception {
		var response = session.send(request(page).build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? response.body() : "";
	}

	private String get(HttpClient session, String page) throws Exception {
		var response = session.send(request(page).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(page + " answered " + response.statusCode());
		}
		return response.body();
	}

	private HttpClient signIn(String email) throws Exception {
		return signIn(this.port, email);
	}

	/**
	 * A session signed in through the sign-in form as a browser does (CSRF token, session
	 * cookie, password "demo" of the generated users), redirects not followed, so a page
	 * that sends to /login shows as its 302.
	 */
	static HttpClient signIn(int port, String email) throws Exception {
		var http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		var login = http.send(request(port, "/login").build(), HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(login.body());
		if (login.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page (" + login.statusCode() + ")");
		}
		var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var response = http.send(request(port, "/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.headers().firstValue("Location").orElse("error").contains("error")) {
			throw new IllegalStateException("sign-in of " + email + " failed: " + response.statusCode());
		}
		return http;
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofMinutes(2));
	}

	static String report(List<Row> rows, double floorMillis, int clients, int requests) {
		var out = new StringBuilder(String.format(Locale.ROOT,
				"%nPages: home of each role and every navigation page, %d signed-in sessions x %d requests after a"
						+ " warm-up (target p95 <= 300 ms)%n",
				clients, requests));
		out.append(String.format(Locale.ROOT, "%-14s %-34s %6s %9s %9s %9s %10s %6s %-17s %s%n", "role", "page",
				"count", "p50 ms", "p95 ms", "max ms", "p95/scan", "stmts", "from-to (UTC)", "note"));
		var clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
		for (var row : rows) {
			var s = row.samples();
			out.append(String.format(Locale.ROOT, "%-14s %-34s %6d %9.1f %9.1f %9.1f %10.2f %6d %-17s %s%n", row.role(),
					row.page(), s.count(), s.percentileMillis(0.5), s.percentileMillis(0.95), s.maxMillis(),
					s.percentileMillis(0.95) / floorMillis, row.statements(),
					clock.format(row.from()) + "-" + clock.format(row.to()), row.note() == null ? "" : row.note()));
		}
		long over = rows.stream().filter(r -> r.samples().percentileMillis(0.95) > 300).count();
		out.append(String.format(Locale.ROOT, "%d of %d pages over the 300 ms p95 target%n", over, rows.size()));
		return out.toString();
	}

	/**
	 * @param statements the SQL statements the warm-up request sent (it runs alone;
	 * {@link StatementCounter}), the session's reads and writes included
	 * @param from when the page's warm-up started, to match the server's log
	 * @param to when its last request ended
	 * @param note why the page has fewer samples, or what it answered when not 200
	 */
	record Row(String role, String user, String page, Samples samples, long statements, java.time.Instant from,
			java.time.Instant to, String note) {

		/** The same row noting the navigation page that links to the page. */
		Row linkedFrom(String page) {
			var via = "linked from " + page;
			return new Row(role, user, this.page, samples, statements, from, to,
					note == null ? via : via + "; " + note);
		}

	}

}
