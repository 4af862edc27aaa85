package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registration list exports as CSV with its filters, every page, and only the rows
 * the reader may see; the list links to the export of what it shows.
 */
@TrellisTest
class RegistrationExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Test
	void aPartnerUserExportsItsOwnRegistrationsInTheirCurrenciesAndNoOneElses() throws Exception {
		var a = this.fixtures.world("Export Registrations Alpha");
		var b = this.fixtures.world("Export Registrations Beta");
		this.registrations.register(a.partnerUser(), RegistrationTests.command("Quillmere Freight", null));
		this.registrations.register(a.partnerUser(),
				new RegistrationCommand(null, "Kanzaki Tsusho", "kanzaki-tsusho.jp", "Consolidate the plants' planning",
						new BigDecimal("1250000"), "JPY", LocalDate.of(2027, 5, 31), null, CreditType.SOURCED));
		this.registrations.register(b.partnerUser(), RegistrationTests.command("Brightholm Beta Foods", null));

		var csv = export(new Readers(this.mvc, this.jdbc, this.fixtures).signIn(a.partnerUser()),
				"/registrations/export.csv");
		var lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", RegistrationExport.HEADER));
		assertThat(lines).hasSize(3);
		assertThat(csv).contains("Quillmere Freight", "Kanzaki Tsusho", ",1250000,JPY,", ",48000.00,USD,")
			.contains("Export Registrations Alpha")
			.doesNotContain("Brightholm", "Export Registrations Beta");
	}

	@Test
	void theExportKeepsTheListsFiltersAndTheListLinksToIt() throws Exception {
		var world = this.fixtures.world("Export Registrations Filter");
		this.registrations.register(world.partnerUser(), RegistrationTests.command("Harrowgate Kilns", null));
		var withdrawn = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Larchmont Weaving", null));
		this.registrations.withdraw(world.partnerUser(), withdrawn.id());
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());

		var pending = export(session, "/registrations/export.csv?status=PENDING&mine=true");
		assertThat(pending).contains("Harrowgate Kilns").doesNotContain("Larchmont Weaving");
		// a decision is due only while pending (an ended or held one showed its old
		// deadline, try14)
		assertThat(pending.lines().filter(l -> l.contains("Harrowgate Kilns"))).singleElement()
			.satisfies(l -> assertThat(l).containsPattern(",PENDING,.*,\\d{4}-\\d\\d-\\d\\dT[^,]*Z,\\d{4}-"));
		assertThat(export(session, "/registrations/export.csv?status=WITHDRAWN&mine=true").lines()
			.filter(l -> l.contains("Larchmont Weaving"))).singleElement()
			.satisfies(l -> assertThat(l).endsWith("Z,,,,"));
		assertThat(export(session, "/registrations/export.csv?status=WITHDRAWN&mine=true"))
			.contains("Larchmont Weaving", ",WITHDRAWN,")
			.doesNotContain("Harrowgate");

		var list = Readers.read(this.mvc, session, "/registrations?status=WITHDRAWN&mine=true");
		assertThat(list).contains("href=\"/registrations/export.csv?status=WITHDRAWN&amp;mine=true\"");
	}

	@Test
	void aStatusThatIsNoStatusIsNamedAndExportsNothing() throws Exception {
		var world = this.fixtures.world("Export Registrations Typo");
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		this.mvc.perform(get("/registrations/export.csv?status=PENDIN").session(session))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("status")));
	}

	private String export(MockHttpSession session, String url) throws Exception {
		return Readers.csv(this.mvc, session, url);
	}

}
