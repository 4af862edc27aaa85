package com.trellis.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CountingWins;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A KPI with more records than a page (1,030 deals won in a quarter: 600 of one partner,
 * 100 of another, 330 direct, many closed at the same minute) lists them a page at a time
 * in the former order ({@link KpiRecordsPageReference}), each record once, with its place
 * in the list worded honestly; the CSV holds every record; the API pages with a header
 * saying whether more follow; a bad page or size is named; a partner user pages through
 * its own records only.
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class KpiRecordPagingTests {

	private static final Pattern DEAL = Pattern.compile("href=\"/opportunities/(\\d+)\"");

	private static final Pattern FIELD = Pattern.compile("data-field=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountingWins counting;

	@Autowired
	java.time.Clock clock;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	com.trellis.shared.validation.ValueLimits limits;

	@Test
	void aKpiWithMoreRecordsThanAPageListsThemAPageAtATimeInTheFormerOrder() throws Exception {
		var program = program(2016, 4);
		var former = former(program, Slice.PROGRAM);
		assertThat(former).hasSize(1030);
		var session = signIn(Role.ADMIN);
		var path = "/metrics/kpis/SALES_CYCLE" + program.query();
		var first = page(session, path);
		assertThat(deals(first)).isEqualTo(former.subList(0, 50));
		// counted a thousand past the page: more than that
		assertThat(shown(first)).isEqualTo("Records 1–50 of more than 1,000; the CSV lists every record.");
		assertThat(first).contains("href=\"/metrics/kpis/SALES_CYCLE?from=" + program.from() + "&amp;to=" + program.to()
				+ "&amp;page=1\"");
		var second = page(session, path + "&page=1");
		assertThat(deals(second)).isEqualTo(former.subList(50, 100));
		assertThat(shown(second)).isEqualTo("Records 51–100 of 1,030");
		var last = page(session, path + "&page=20");
		assertThat(deals(last)).isEqualTo(former.subList(1000, 1030));
		assertThat(shown(last)).isEqualTo("Records 1,001–1,030 of 1,030");
		assertThat(last).doesNotContain("page=21");
		// every record once, in order, across the pages of 200
		var seen = new ArrayList<Long>();
		for (int page = 0; page < 6; page++) {
			seen.addAll(deals(page(session, path + "&size=200&page=" + page)));
		}
		assertThat(seen).isEqualTo(former);
		assertThat(new HashSet<>(seen)).hasSize(1030);
		assertThat(page(session, path + "&page=99")).contains("Page 100 is past the end: the list has 21 pages");
		// a slice's pages keep the slice in their links
		var book = "&slice=PAM&sliceValue=" + program.pam().userId();
		var ofBook = page(session, path + book);
		assertThat(deals(ofBook)).isEqualTo(
				former(program, new Slice(Slice.Kind.PAM, String.valueOf(program.pam().userId()))).subList(0, 50));
		assertThat(ofBook).contains("&amp;slice=PAM&amp;sliceValue=" + program.pam().userId() + "&amp;page=1\"");
	}

	@Test
	void aBadPageOrSizeIsRefusedNamingItOnThePageAndTheApi() throws Exception {
		var program = program(2016, 7);
		var session = signIn(Role.ADMIN);
		var path = "/metrics/kpis/SALES_CYCLE" + program.query();
		assertThat(refused(session, path + "&page=-1")).containsExactly("page");
		assertThat(refused(session, path + "&page=abc")).containsExactly("page");
		assertThat(refused(session, path + "&size=0")).containsExactly("size");
		assertThat(refused(session, path + "&size=201")).containsExactly("size");
		assertThat(refused(session, "/metrics/kpis/SALES_CYCLE?from=2016-07-01&to=2016-06-01&page=-1&size=0"))
			.containsExactlyInAnyOrder("to", "page", "size");
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var records = "/api/v1/kpis/SALES_CYCLE/records" + program.query();
		api.get(records + "&page=-1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		api.get(records + "&size=1001")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 1000"));
		api.get(records + "&size=x").andExpect(status().isBadRequest());
		api.get(records + "&page=-2&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
	}

	@Test
	void theCsvListsEveryRecordAndTheApiPagesThroughThem() throws Exception {
		var program = program(2016, 10);
		var former = former(program, Slice.PROGRAM);
		var csv = this.mvc
			.perform(get("/metrics/kpis/SALES_CYCLE/records.csv" + program.query()).session(signIn(Role.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(csv.getHeader(KpiRecordList.CUT_HEADER)).isNull();
		var lines = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFFkind,id,side,label,value,currency,counted,amountUnknown");
		assertThat(List.of(lines).subList(1, lines.length).stream().map(l -> Long.valueOf(l.split(",")[1])).toList())
			.isEqualTo(former);
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var records = "/api/v1/kpis/SALES_CYCLE/records" + program.query();
		assertThat(ids(api, records, "true")).isEqualTo(former.subList(0, 1000));
		assertThat(ids(api, records + "&page=1&size=1000", "false")).isEqualTo(former.subList(1000, 1030));
		assertThat(ids(api, records + "&page=0&size=500", "true")).isEqualTo(former.subList(0, 500));
		assertThat(ids(api, records + "&page=2&size=500", "false")).isEqualTo(former.subList(1000, 1030));
		assertThat(ids(api, records + "&page=9&size=500", "false")).isEmpty();
	}

	@Test
	void aPartnerUserPagesThroughItsOwnRecordsOnlyAndCannotPageIntoAnothers() throws Exception {
		var program = program(2015, 4);
		var other = new Slice(Slice.Kind.PARTNER, String.valueOf(program.other()));
		// its own side only: the other partner's deals, never the direct ones
		var own = former(program, other).stream().filter(program.otherDeals()::contains).toList();
		assertThat(own).hasSize(100);
		var user = this.fixtures.user(Role.PARTNER, program.other(), null);
		var api = new Api(this.mvc, this.fixtures.token(user));
		var records = "/api/v1/kpis/SALES_CYCLE/records" + program.query();
		var paged = new ArrayList<Long>();
		for (int page = 0; page < 4; page++) {
			paged.addAll(ids(api, records + "&page=" + page + "&size=30", page < 3 ? "true" : "false"));
		}
		assertThat(paged).isEqualTo(own);
		var theOne = "&slice=PARTNER&sliceValue=" + program.partner();
		api.get(records + theOne + "&page=1&size=30").andExpect(status().isForbidden());
		// who asks is decided before the page is read: 403, not a 400 naming page
		api.get(records + theOne + "&page=-1").andExpect(status().isForbidden());
		api.get(records + "&slice=PAM&sliceValue=" + program.pam().userId() + "&page=1")
			.andExpect(status().isForbidden());
		var session = signIn(user);
		this.mvc.perform(get("/metrics/kpis/SALES_CYCLE" + program.query() + "&page=1").session(session))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/metrics/kpis/SALES_CYCLE/records.csv" + program.query()).session(session))
			.andExpect(status().isForbidden());
	}

	/**
	 * A quarter's program: 600 won deals of one partner, 100 of another (another PAM's),
	 * 330 direct, three closed at each minute.
	 */
	private Program program(int year, int month) {
		var from = LocalDate.of(year, month, 1);
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Paging partner " + year + "-" + month, pam.userId());
		long other = this.fixtures.partner("Paging other " + year + "-" + month, this.fixtures.user(Role.PAM).userId());
		long account = this.fixtures.account("Paging customer " + year + "-" + month, null, ae.userId());
		var deals = this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					SELECT :account, 'Paging deal ' || g, 1000 + g % 7, 'USD', 'CLOSED_WON', :owner,
					       CASE WHEN g <= 700 THEN 'PARTNER' ELSE 'DIRECT' END,
					       CASE WHEN g <= 600 THEN :partner WHEN g <= 700 THEN :other END,
					       CASE WHEN g <= 700 THEN 'SOURCED' END, CASE WHEN g <= 700 THEN 20 END,
					       CAST(:from AS TIMESTAMPTZ) - make_interval(days => 10 + g % 5),
					       CAST(:from AS TIMESTAMPTZ) - make_interval(days => 10 + g % 5),
					       CAST(:from AS TIMESTAMPTZ) + make_interval(hours => 12, mins => (g * 7919 % 1030) / 3), now()
					FROM generate_series(1, 1030) g ORDER BY g RETURNING id, partner_id
					""")
			.param("account", account)
			.param("owner", ae.userId())
			.param("partner", partner)
			.param("other", other)
			.param("from", from + "T00:00:00Z")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		var otherDeals = deals.stream().filter(d -> d[1] == other).map(d -> d[0]).toList();
		return new Program(from, from.plusMonths(3).minusDays(1), pam, partner, other, otherDeals);
	}

	/** The deals of the former statement, in its order. */
	private List<Long> former(Program program, Slice slice) {
		var quarter = Period.chosen(program.from(), program.to(), this.calendar, this.limits)
			.at(this.clock.instant(), this.calendar.zone());
		return KpiStatements
			.bind(this.jdbc.sql(new KpiRecordsPageReference(this.counting).sql("SALES_CYCLE", slice)), quarter, slice)
			.param("limit", 5000)
			.query((rs, n) -> rs.getLong("id"))
			.list();
	}

	private List<Long> ids(Api api, String path, String cut) throws Exception {
		var answer = api.get(path).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(answer.getHeader(KpiRecordList.CUT_HEADER)).as(path).isEqualTo(cut);
		return com.jayway.jsonpath.JsonPath.<List<Number>>read(answer.getContentAsString(), "$[*].id")
			.stream()
			.map(Number::longValue)
			.toList();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private List<String> refused(MockHttpSession session, String path) throws Exception {
		var page = this.mvc.perform(get(path).session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return FIELD.matcher(page).results().map(m -> m.group(1)).toList();
	}

	private static List<Long> deals(String page) {
		int from = page.indexOf("id=\"records\"");
		var table = page.substring(from, page.indexOf("</table>", from));
		return DEAL.matcher(table).results().map(m -> Long.valueOf(m.group(1))).toList();
	}

	private static String shown(String page) {
		var matcher = Pattern.compile("id=\"records-shown\"><small>([^<]*)</small>").matcher(page);
		assertThat(matcher.find()).as("the records' place in the list").isTrue();
		return org.unbescape.html.HtmlEscape.unescapeHtml(matcher.group(1));
	}

	private MockHttpSession signIn(Role role) throws Exception {
		return signIn(this.fixtures.user(role));
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private record Program(LocalDate from, LocalDate to, Viewer pam, long partner, long other, List<Long> otherDeals) {

		String query() {
			return "?from=" + this.from + "&to=" + this.to;
		}

	}

}
