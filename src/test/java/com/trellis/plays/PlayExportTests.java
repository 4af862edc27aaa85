package com.trellis.plays;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The play library as CSV ({@link PlayExport}): the library's plays with its filters, in
 * its order, each with its whole text; the library links to it with the reader's filters.
 */
@TrellisTest
class PlayExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Plays plays;

	@Test
	void theFileHoldsTheLibraryAsFilteredWithEachPlaysText() throws Exception {
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var session = readers.signIn(this.fixtures.user(Role.AE));
		var all = Readers.records(this.mvc, session, "/plays/export.csv");
		var library = this.plays.library(null, null, null);
		assertThat(library).isNotEmpty();
		assertThat(all).extracting(r -> Long.parseLong(r.get("play_id")))
			.containsExactlyElementsOf(library.stream().map(PlayView::id).toList());
		var first = library.get(0);
		assertThat(all.get(0).get("title")).isEqualTo(first.title());
		assertThat(all.get(0).get("problem")).isEqualTo(first.problem());
		assertThat(all.get(0).get("partner_types"))
			.isEqualTo(String.join(";", first.partnerTypes().stream().map(Enum::name).toList()));

		var page = Readers.read(this.mvc, session, "/plays?moment=DISCOVERY&page=2&zz=1");
		assertThat(page).contains("href=\"/plays/export.csv?moment=DISCOVERY\"");
		var discovery = Readers.records(this.mvc, session, "/plays/export.csv?moment=DISCOVERY");
		assertThat(discovery).extracting(r -> Long.parseLong(r.get("play_id")))
			.containsExactlyElementsOf(
					this.plays.library(null, SalesMoment.DISCOVERY, null).stream().map(PlayView::id).toList());
		assertThat(discovery).allSatisfy(r -> assertThat(r.get("moment")).isEqualTo("DISCOVERY"));
		this.mvc.perform(get("/plays/export.csv?moment=SOMETIME").session(session)).andExpect(status().isBadRequest());
	}

}
