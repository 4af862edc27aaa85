package com.trellis.adoption;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adoption page lists the reps 25 a page ({@code repPage}, {@code repSize}; issue 15:
 * an admin's page rendered all 400 reps of the large program, most of its time), by name,
 * with a pager; a bad page or size is a 400 naming each.
 */
@TrellisTest
class AdoptionRepPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theRepsAreListedAPageAtATime() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.fixtures.user(Role.AE);
		}
		var admin = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.fixtures.user(Role.ADMIN));
		var first = reps(Readers.read(this.mvc, admin, "/adoption"));
		assertThat(rows(first)).isEqualTo(25);
		assertThat(first).contains("repPage=1");
		var small = reps(Readers.read(this.mvc, admin, "/adoption?repSize=10"));
		var second = reps(Readers.read(this.mvc, admin, "/adoption?repSize=10&repPage=1"));
		assertThat(rows(small)).isEqualTo(10);
		assertThat(rows(second)).isEqualTo(10);
		// pages of ten are the first 25's first and next ten, in the same order
		assertThat(names(first)).startsWith(names(small) + names(second));

		var bad = this.mvc.perform(get("/adoption?repPage=-1&repSize=abc").session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bad).contains("data-field=\"repPage\"", "data-field=\"repSize\"");
	}

	private static String reps(String page) {
		var table = page.substring(page.indexOf("id=\"reps\""));
		return table.substring(0, table.indexOf("</article>"));
	}

	private static int rows(String reps) {
		var body = reps.substring(reps.indexOf("<tbody>"), reps.indexOf("</tbody>"));
		return body.split("<tr>", -1).length - 1;
	}

	/** The reps' names, the first cell of each row, in order, joined. */
	private static String names(String reps) {
		var body = reps.substring(reps.indexOf("<tbody>"), reps.indexOf("</tbody>"));
		var names = new StringBuilder();
		var cell = java.util.regex.Pattern.compile("<tr>\\s*<td>([^<]*)</td>").matcher(body);
		while (cell.find()) {
			names.append(cell.group(1)).append('|');
		}
		return names.toString();
	}

}
