package com.trellis.adoption;

import java.util.HashMap;
import java.util.Locale;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Period;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adoption page shows what it showed before its tables' cells were put together in
 * Java ({@link AdoptionRows}): the page as served equals the page's former template
 * ({@code templates/adoption/page-before-pages18.html}, a copy of it) rendered with the
 * figures it read ({@link Adoption#reps}, {@link Adoption#teams}) and the rest of the
 * same request's model (the reps of its first page), for the admin (every rep, the
 * review), the demo's sales manager (prompt forms), a rep, and an admin reading in German
 * (percentages, win rates and cycle days with a comma; the copy reads win rates and cycle
 * days through {@code @figures} since try30, as the page does). Compared: the page's
 * section up to the pipeline review, with the whitespace between tags and the forms' CSRF
 * fields left out. Since session 61 the copy's team table has a team's whole figures
 * (§C10 per team, {@link TeamAdoption}), its cells written by template expressions as the
 * reps' are.
 */
@TrellisTest
class AdoptionPageSameTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Adoption adoption;

	@Autowired
	WebApplicationContext context;

	@Autowired
	ViewResolver thymeleafViewResolver;

	@Test
	void everyRoleSeesTheSamePageAsBefore() throws Exception {
		for (var email : new String[] { "admin@trellis.demo", "manager@trellis.demo", "ae@trellis.demo" }) {
			same(demo(email), signIn(email, "demo"), Locale.US, null);
		}
	}

	@Test
	void aReaderInGermanSeesTheSamePercentagesAsBefore() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = signIn(this.fixtures.email(admin), "secret");
		this.mvc
			.perform(post("/profile/reading").param("locale", "de-DE")
				.param("timeZone", "Europe/Berlin")
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		var page = same(admin, session, Locale.GERMANY, java.util.TimeZone.getTimeZone("Europe/Berlin"));
		assertThat(page).as("a German reader's shares").containsPattern("\\d,\\d %");
		// try30: the win rates and cycle days read "50.0 / 33.3" to a German reader
		var cells = java.util.regex.Pattern.compile("<td class=\"num\">([^<]* / [^<]*)</td>").matcher(page);
		var withPartner = new java.util.ArrayList<String>();
		while (cells.find()) {
			withPartner.add(cells.group(1));
		}
		assertThat(withPartner).as("the win rates and cycle days of a German reader").isNotEmpty();
		assertThat(withPartner).allSatisfy(
				cell -> assertThat(cell).as("in German notation").matches("(—|-?[\\d.]+,\\d) / (—|-?[\\d.]+,\\d)"));
	}

	/**
	 * The served page's section, after checking it equals the former template's rendered
	 * for the reader's {@code locale} and {@code zone} (null: the program's).
	 */
	private String same(Viewer viewer, MockHttpSession session, Locale locale, java.util.TimeZone zone)
			throws Exception {
		var result = this.mvc.perform(get("/adoption").session(session)).andExpect(status().isOk()).andReturn();
		result.getResponse().setCharacterEncoding("UTF-8");
		var served = section(result.getResponse().getContentAsString()).replaceAll("<div class=\"pager\">.*?</div>",
				"");
		var model = new HashMap<String, Object>(result.getModelAndView().getModel());
		var period = (Period) model.get("period");
		var reps = this.adoption.reps(viewer, period);
		// the page lists its first 25 reps since issue 15 (the teams count every rep)
		model.put("reps", reps.subList(0, Math.min(25, reps.size())));
		model.put("teams", this.adoption.teams(viewer, period));
		var request = new MockHttpServletRequest(this.context.getServletContext());
		request.addPreferredLocale(locale);
		var response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");
		// the reader's locale and time zone, as identity's locale resolver sets them
		LocaleContextHolder
			.setLocaleContext(new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(locale, zone));
		try {
			this.thymeleafViewResolver.resolveViewName("adoption/page-before-pages18", locale)
				.render(model, request, response);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		var before = section(response.getContentAsString());
		assertThat(served).as(viewer.role() + " " + locale).isEqualTo(before);
		assertThat(served).contains("id=\"reps\"");
		return served;
	}

	private static String section(String html) {
		// up to the pipeline review, which AdoptionRows left alone and which has changed
		// since (headers, a mark in every cell)
		int review = html.indexOf("<article id=\"review\"");
		var section = html.substring(html.indexOf("<section>"), review < 0 ? html.indexOf("</section>") : review);
		return section.replaceAll("<input type=\"hidden\" name=\"_csrf\"[^>]*>", "").replaceAll(">\\s+<", "><");
	}

	private Viewer demo(String email) {
		return this.jdbc.sql("SELECT id, display_name, role FROM app_user WHERE email = ?")
			.param(email)
			.query((rs, n) -> new Viewer(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), null))
			.single();
	}

	private MockHttpSession signIn(String email, String password) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
