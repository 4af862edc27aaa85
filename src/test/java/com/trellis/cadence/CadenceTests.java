package com.trellis.cadence;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Meeting packs on a small hand-computed program (no demo data), in Q4 2026 (today is
 * Sunday 22 November, week 8): two PAMs, one partner each, three wins, one commit, one
 * slipped deal and one incentive earning.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.cadence.time-zone=Europe/Berlin" })
class CadenceTests {

	private static Program program;

	@Autowired
	Packs packs;

	@Autowired
	PackExports exports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void program() {
		if (program != null) {
			return;
		}
		var admin = this.fixtures.user(Role.ADMIN);
		var alphaPam = this.fixtures.user(Role.PAM);
		var betaPam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		long alpha = this.fixtures.partner("Cadence Alpha", alphaPam.userId());
		long beta = this.fixtures.partner("Cadence Beta", betaPam.userId());
		long account = this.fixtures.account("Cadence customer", "cadence-customer.com", rep.userId());
		deal(account, rep, alpha, "SOURCED", "Alpha win", "120000", "USD", "CLOSED_WON", null, "2026-11-14");
		deal(account, rep, beta, "INFLUENCED", "Beta win", "30000", "EUR", "CLOSED_WON", null, "2026-10-05");
		deal(account, rep, null, null, "Direct win", "50000", "USD", "CLOSED_WON", null, "2026-10-20");
		long commit = deal(account, rep, alpha, "SOURCED", "Alpha commit", "40000", "USD", "COMMIT", "2026-11-24",
				null);
		this.jdbc.sql("INSERT INTO forecast_call (opportunity_id, called_by, called_at) VALUES (?, ?, now())")
			.params(commit, rep.userId())
			.update();
		deal(account, rep, beta, "SOURCED", "Beta slipped", "25000", "USD", "QUALIFIED", "2026-11-01", null);
		this.jdbc.sql("UPDATE exchange_rate SET to_reporting = 1.10 WHERE currency = 'EUR'").update();
		long incentives = this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, ends_on, params, created_at)
				VALUES ('Cadence SPIFF', 'FAST_START_SPIFF', 'USD', DATE '2026-01-01', DATE '2026-01-01',
				        '{"bonus": "1", "firstDeals": 1, "withinDays": 1}', now()) RETURNING id
				""").query(Long.class).single();
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, 'SPIFF', 'cadence', 7650, 'USD', 'fixture', '2026-11-02')
					""")
			.params(alpha, incentives)
			.update();
		program = new Program(admin, alphaPam, betaPam, rep);
	}

	@Test
	void theWeeklyCallShowsLastWeeksBookingsThisWeeksCommitsAndRisks() {
		var pack = this.packs.pack(program.admin(), "2026-Q4", Meeting.WEEKLY_CALL, 8, null);
		assertThat(pack.day()).hasToString("2026-11-19");
		assertThat(column(pack, "Last week's partner bookings", 0)).containsExactly("Alpha win");
		assertThat(column(pack, "Last week's partner bookings", 5)).containsExactly(new BigDecimal("120000.00"));
		assertThat(column(pack, "This week's commits", 0)).containsExactly("Alpha commit");
		assertThat(column(pack, "Risks: close dates passed", 0)).containsExactly("Beta slipped");

		var betaBook = this.packs.pack(program.admin(), "2026-Q4", Meeting.WEEKLY_CALL, 8, program.betaPam().userId());
		assertThat(betaBook.audience()).isNotEqualTo("Program");
		assertThat(column(betaBook, "Last week's partner bookings", 0)).isEmpty();
		assertThat(column(betaBook, "Risks: close dates passed", 0)).containsExactly("Beta slipped");

		var alphaOwn = this.packs.pack(program.alphaPam(), "2026-Q4", Meeting.WEEKLY_CALL, 8, null);
		assertThat(column(alphaOwn, "Last week's partner bookings", 0)).containsExactly("Alpha win");
		assertThat(column(alphaOwn, "Risks: close dates passed", 0)).as("another PAM's deal").isEmpty();
	}

	@Test
	void theBusinessReviewAttributesRevenueAndWeighsItAgainstProgramCost() {
		var pack = this.packs.pack(program.admin(), "2026-Q4", Meeting.BUSINESS_REVIEW, 8, null);
		var attribution = section(pack, "Revenue attribution").rows();
		// 50000 direct, 30000 EUR x 1.10 influenced, 120000 sourced: 203000 in all
		assertThat(attribution).containsExactly(List.of("DIRECT", 1L, new BigDecimal("50000.00"), bd("24.6")),
				List.of("INFLUENCED", 1L, new BigDecimal("33000.00"), bd("16.3")),
				List.of("SOURCED", 1L, new BigDecimal("120000.00"), bd("59.1")));
		var roi = section(pack, "Program ROI").rows().get(0);
		// 153000 / 7650 and 120000 / 7650
		assertThat(roi.subList(3, 5)).containsExactly(bd("20.0"), bd("15.7"));
		assertThat(section(pack, "Partner satisfaction").note()).startsWith("Not measured");
	}

	@Test
	void aRebateWrittenAtItsQuartersCloseIsThatQuartersProgramCostNotTheNextOnes() {
		long alpha = this.jdbc.sql("SELECT id FROM partner WHERE name = 'Cadence Alpha'").query(Long.class).single();
		long rebates = this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, params, created_at)
				VALUES ('Cadence rebate', 'QUARTERLY_REBATE', 'USD', DATE '2026-01-01', '{}', now()) RETURNING id
				""").query(Long.class).single();
		// the quarter-close job wrote Q3's rebate on the first morning of Q4
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, period, amount, currency, basis,
					    earned_at)
					VALUES (?, ?, 'REBATE', 'quarter:2026-Q3:USD', '2026-Q3', 5000, 'USD', 'fixture', '2026-10-01T06:15:00+02:00')
					""")
			.params(alpha, rebates)
			.update();

		var october = this.packs.pack(program.admin(), "2026-Q4", Meeting.BUSINESS_REVIEW, 8, null);
		assertThat(section(october, "Program cost").rows()).containsExactly(List.of("SPIFF", 1L, bd("7650.00")));
		var q3 = this.packs.pack(program.admin(), "2026-Q3", Meeting.BUSINESS_REVIEW, 13, null);
		assertThat(section(q3, "Program cost").rows()).containsExactly(List.of("REBATE", 1L, bd("5000.00")));
	}

	@Test
	void theForecastOneOnOneListsTheBooksDealsAndNeedsAPam() {
		var pack = this.packs.pack(program.admin(), "2026-Q4", Meeting.FORECAST_ONE_ON_ONE, 1,
				program.alphaPam().userId());
		assertThat(column(pack, "Deals in the quarter", 0)).containsExactly("Alpha commit");
		assertThat(column(pack, "Deals in the quarter", 7)).containsExactly("COMMIT");
		// COMMIT stage, too little history: the configured default
		assertThat(column(pack, "Deals in the quarter", 6)).usingElementComparator(CadenceTests::compareNumbers)
			.containsExactly(new BigDecimal("75"));
		assertThat(column(pack, "Forecast for 2026-Q4", 2)).usingElementComparator(CadenceTests::compareNumbers)
			.containsExactly(new BigDecimal("40000"));

		assertThatThrownBy(() -> this.packs.pack(program.admin(), "2026-Q4", Meeting.FORECAST_ONE_ON_ONE, 1, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors().get(0).field()).isEqualTo("pam"));
		assertThatThrownBy(() -> this.packs.pack(program.admin(), "2026-Q4", Meeting.CEO_CFO_ROLLUP, 2, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors().get(0).field()).isEqualTo("week"));
	}

	@Test
	void aPamSeesOnlyThePacksOfTheirOwnBookAndRepsSeeNone() {
		assertThatThrownBy(() -> this.packs.pack(program.alphaPam(), "2026-Q4", Meeting.FORECAST_ONE_ON_ONE, 1,
				program.betaPam().userId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.packs.pack(program.alphaPam(), "2026-Q4", Meeting.CEO_CFO_ROLLUP, 1, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.packs.calendar(program.rep(), "2026-Q4"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.packs.calendar(program.alphaPam(), "2026-Q4")).hasSize(15)
			.allSatisfy(e -> assertThat(e.pamId()).isEqualTo(program.alphaPam().userId()));
	}

	@Test
	void everyPackPageShowsStagesTiersAndCategoriesAsLabelsNotCodes() throws Exception {
		var session = login(program.admin());
		var found = new java.util.ArrayList<String>();
		for (var entry : this.packs.calendar(program.admin(), "2026-Q4")) {
			var path = "/cadence/2026-Q4/" + entry.meeting().name() + "/" + entry.week()
					+ (entry.pamId() != null ? "?pam=" + entry.pamId() : "");
			var page = this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
			var codes = java.util.regex.Pattern.compile(">\\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|COMMIT|SOURCED)\\s*<")
				.matcher(page);
			while (codes.find()) {
				found.add(path + ": " + codes.group(1));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void thePdfOpensAndCarriesTheFigures() throws Exception {
		var pdf = this.mvc.perform(get("/cadence/2026-Q4/BUSINESS_REVIEW/8/pack.pdf").session(login(program.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Business review", "Revenue attribution", "120,000", "33,000", "59.1 %",
					"Involved / cost (x)", "20.0");
		}
	}

	@Test
	void aPdfShowsNamesInAnyScriptWithItsFontsEmbedded() throws Exception {
		// the issue's deal came out as "#ukasik Sp. z o.o. – ##### ##"; CJK needs
		// Debian's
		// fonts-droid-fallback and fonts-nanum, which bin/test installs
		assertThat(PdfFonts.CJK_FALLBACKS).allMatch(java.nio.file.Files::isReadable);
		var names = List.of("Łukasik Sp. z o.o. – Пилот 東京", "서울 파트너스 株式会社", "Αθηνά Ενέργεια Α.Ε.",
				"Dvořák & Şahin Ğıda ŐŰ");
		var rows = names.stream().map(name -> List.<Object>of(name, new BigDecimal("1200.50"))).toList();
		var pack = new Pack(Meeting.WEEKLY_CALL, "2026-Q4", 8, java.time.LocalDate.of(2026, 11, 23), "Łódź team",
				java.time.Instant.parse("2026-11-22T08:00:00Z"), List.of(Pack.Section.table("Wins – Пилот", "",
						List.of(Pack.Column.text("Deal"), Pack.Column.money("Amount")), rows)));

		try (var document = Loader.loadPDF(this.exports.pdf(pack))) {
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains(names).contains("Wins – Пилот", "Łódź team").doesNotContain("#");
			for (var page : document.getPages()) {
				for (var font : page.getResources().getFontNames()) {
					assertThat(page.getResources().getFont(font).isEmbedded()).as(font.getName()).isTrue();
				}
			}
		}
	}

	@Test
	void theCsvCarriesEverySectionWithRawValues() throws Exception {
		var csv = this.mvc.perform(get("/cadence/2026-Q4/WEEKLY_CALL/8/pack.csv").session(login(program.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("Last week's partner bookings\r\nDeal,Partner,Credit,Owner,Closed on,Amount (USD)\r\n"
				+ "Alpha win,Cadence Alpha,SOURCED");
		assertThat(csv).contains("120000.00").contains("Risks: close dates passed");
	}

	@Test
	void theReviewsKpiAndRoiRowsAreNumbersASpreadsheetCanSum() throws Exception {
		var csv = this.mvc.perform(get("/cadence/2026-Q4/BUSINESS_REVIEW/8/pack.csv").session(login(program.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var kpis = csv.substring(csv.indexOf("Program KPIs"));
		kpis = kpis.substring(0, kpis.indexOf("\r\n\r\n") < 0 ? kpis.length() : kpis.indexOf("\r\n\r\n"));
		assertThat(kpis).contains("KPI,Unit,Value,Direct baseline").doesNotContain(" %").doesNotContain(" days");
		assertThat(kpis).doesNotContain("\"");
		assertThat(csv).contains("Involved / cost (x)").doesNotContain(" x\r\n");
	}

	@Test
	void theQuartersCalendarParsesAsValidICalendar() throws Exception {
		var text = this.mvc.perform(get("/cadence/2026-Q4/calendar.ics").session(login(program.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var calendar = new CalendarBuilder().build(new StringReader(text));
		assertThat(calendar.validate().hasErrors()).isFalse();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		// 13 weekly calls, 2 PAMs x (forecast 1:1 + planning 1:1), 1 leadership, 3
		// CEO/CFO,
		// 2 business reviews, 1 ELT
		assertThat(events).hasSize(24);
		var weekEight = events.stream()
			.filter(e -> value(e, Property.UID).equals("2026-Q4-w8-weekly_call@trellis"))
			.findFirst()
			.orElseThrow();
		// 09:00 in Berlin (CET) on Thursday 19 November
		assertThat(value(weekEight, Property.DTSTART)).isEqualTo("20261119T080000Z");
		assertThat(value(weekEight, Property.DTEND)).isEqualTo("20261119T084500Z");
		assertThat(value(weekEight, Property.URL)).endsWith("/cadence/2026-Q4/WEEKLY_CALL/8");
		// the two forecast 1:1s of week 1 (CEST) follow the weekly call and one another
		assertThat(events.stream()
			.filter(e -> value(e, Property.UID).contains("-w1-forecast_one_on_one"))
			.map(e -> value(e, Property.DTSTART))
			.sorted()).containsExactly("20261001T074500Z", "20261001T081500Z");
	}

	@Test
	void aMeetingHasOneTimeInEveryAttendeesFileAndADaysMeetingsNeverOverlap() throws Exception {
		var everyone = events(program.admin());
		for (var pam : List.of(program.alphaPam(), program.betaPam())) {
			var own = events(pam);
			assertThat(own).isNotEmpty();
			// try54: a PAM's 1:1 was at 09:00 in her file and 12:30 in the admin's
			own.forEach((uid, start) -> assertThat(everyone).as(uid).containsEntry(uid, start));
		}
		var starts = everyone.values().stream().sorted().toList();
		assertThat(starts).doesNotHaveDuplicates();
		var text = this.mvc.perform(get("/cadence/2026-Q4/calendar.ics").session(login(program.admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<VEvent> all = new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);
		var byStart = all.stream()
			.sorted(java.util.Comparator.comparing((VEvent e) -> value(e, Property.DTSTART)))
			.toList();
		for (int i = 1; i < byStart.size(); i++) {
			assertThat(value(byStart.get(i), Property.DTSTART)).as(value(byStart.get(i), Property.UID))
				.isGreaterThanOrEqualTo(value(byStart.get(i - 1), Property.DTEND));
		}
	}

	private java.util.Map<String, String> events(Viewer viewer) throws Exception {
		var text = this.mvc.perform(get("/cadence/2026-Q4/calendar.ics").session(login(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);
		var starts = new java.util.HashMap<String, String>();
		events.forEach(e -> starts.put(value(e, Property.UID), value(e, Property.DTSTART)));
		return starts;
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse("");
	}

	private long deal(long account, Viewer rep, Long partner, String credit, String name, String amount,
			String currency, String stage, String close, String closedAt) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					    credit_type, partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, '2026-10-01', '2026-09-01', CAST(? AS TIMESTAMPTZ), now())
					RETURNING id
					""")
			.params(account, name, new BigDecimal(amount), currency, stage, close, rep.userId(),
					partner == null ? "DIRECT" : "PARTNER", partner, credit, partner == null ? null : 20, closedAt)
			.query(Long.class)
			.single();
	}

	private static Pack.Section section(Pack pack, String heading) {
		return pack.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow();
	}

	private static List<Object> column(Pack pack, String heading, int column) {
		return section(pack, heading).rows().stream().map(r -> r.get(column)).toList();
	}

	private static int compareNumbers(Object a, Object b) {
		return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private record Program(Viewer admin, Viewer alphaPam, Viewer betaPam, Viewer rep) {
	}

}
