package com.trellis.hygiene;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.CsvStream;
import com.trellis.shared.PageRequest;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A check's CSV download, read in one pass, holds every record of the viewer's scope
 * exactly once, in the order and with the content of the pages, for a scope larger than
 * one page ({@value PageRequest#MAX_SIZE} records), for a PAM and for an admin.
 */
@TrellisTest
class HygieneCsvTests {

	private static final int DEALS = PageRequest.MAX_SIZE * 2 + 37;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Hygiene hygiene;

	@Test
	void theCsvOfAScopeLargerThanAPageHoldsEveryRecordOnceAsThePagesDo() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var accountOwner = this.fixtures.user(Role.AE);
		var dealOwner = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Csv Hygiene Partner", pam.userId());
		long account = this.fixtures.account("Csv, \"Quoted\" Customer", null, accountOwner.userId());
		var made = new HashSet<Long>(
				this.fixtures.partnerDeals(account, dealOwner.userId(), partner, "5000.00", DEALS));

		var pamRows = csv(pam, HygieneCheck.OWNER_NOT_ACCOUNT_OWNER);
		assertThat(pamRows).hasSize(DEALS).containsExactlyElementsOf(pages(pam, HygieneCheck.OWNER_NOT_ACCOUNT_OWNER));
		assertThat(ids(pamRows)).containsExactlyInAnyOrderElementsOf(made);

		var admin = this.fixtures.user(Role.ADMIN);
		var adminRows = csv(admin, HygieneCheck.OWNER_NOT_ACCOUNT_OWNER);
		assertThat(adminRows).containsExactlyElementsOf(pages(admin, HygieneCheck.OWNER_NOT_ACCOUNT_OWNER));
		assertThat(ids(adminRows)).doesNotHaveDuplicates().containsAll(made);

		for (var check : HygieneCheck.values()) {
			assertThat(csv(pam, check)).as(check.name()).containsExactlyElementsOf(pages(pam, check));
		}
	}

	/** The rows of the download, each as "type|id|name|problem|owner". */
	private List<String> csv(Viewer viewer, HygieneCheck check) throws Exception {
		var body = new Api(this.mvc, this.fixtures.token(viewer)).get("/api/v1/hygiene/" + check + "/records.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var rows = new ArrayList<String>();
		try (var stream = CsvStream.open(new StringReader(body),
				List.of("record_type", "record_id", "name", "problem", "owner"))) {
			stream.forEach(row -> rows.add(String.join("|",
					List.of("record_type", "record_id", "name", "problem", "owner")
						.stream()
						.map(c -> CsvExport.unguard(row.get(c)))
						.toList())));
		}
		return rows;
	}

	/** The records of every page, as {@link #csv} writes them. */
	private List<String> pages(Viewer viewer, HygieneCheck check) {
		var rows = new ArrayList<String>();
		var page = 0;
		com.trellis.shared.PageResult<HygieneRecord> result;
		do {
			result = this.hygiene.records(viewer, check, new PageRequest(page++, PageRequest.MAX_SIZE));
			result.items()
				.forEach(r -> rows.add(String.join("|", r.recordType(), String.valueOf(r.recordId()), r.name(),
						r.problem(), r.owner() == null ? "" : r.owner())));
		}
		while (result.hasNext());
		return rows;
	}

	private static List<Long> ids(List<String> rows) {
		return rows.stream().map(r -> Long.parseLong(r.split("\\|")[1])).toList();
	}

}
