package com.trellis.support;

import java.util.Locale;

import com.trellis.identity.Viewer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readers of pages in a notation of their own, for the tests of figures worded per
 * reader: a fixture user signed in (password "secret"), made a German reader by their
 * profile's locale, and a page that must show a text. Registered as an extension
 * ({@code @RegisterExtension static final Readers.GermanJvm jvm = new Readers.GermanJvm();})
 * the JVM's default locale is German during each test and restored after, so a figure
 * formatted in the JVM's default notation shows.
 */
public final class Readers {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final Fixtures fixtures;

	public Readers(MockMvc mvc, JdbcClient jdbc, Fixtures fixtures) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.fixtures = fixtures;
	}

	/** The fixture user's session after signing in through the login form. */
	public MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/** Sets the user's profile locale to de-DE; the next request reads it. */
	public void german(Viewer viewer) {
		this.jdbc.sql("UPDATE app_user SET locale = 'de-DE' WHERE id = :id").param("id", viewer.userId()).update();
	}

	/** Asserts the page answers 200 and shows {@code text}. */
	public void page(MockHttpSession session, String url, String text) throws Exception {
		this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)));
	}

	/** The page's HTML, asserting it answers 200. */
	public String read(MockHttpSession session, String url) throws Exception {
		return read(this.mvc, session, url);
	}

	/** The page's HTML read in a session, asserting it answers 200. */
	public static String read(MockMvc mvc, MockHttpSession session, String url) throws Exception {
		return mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * A CSV export read in a session, asserting it answers 200 as {@code text/csv} in
	 * UTF-8; the text starts with the byte-order mark every export writes.
	 */
	public static String csv(MockMvc mvc, MockHttpSession session, String url) throws Exception {
		return mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType("text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * A CSV export read in a session ({@link #csv}), as records by its header's names.
	 */
	public static java.util.List<org.apache.commons.csv.CSVRecord> records(MockMvc mvc, MockHttpSession session,
			String url) throws Exception {
		return org.apache.commons.csv.CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(csv(mvc, session, url).replace("\uFEFF", "")))
			.getRecords();
	}

	/**
	 * The fields a page's error answer names ({@code data-field} attributes), in order.
	 */
	public static java.util.List<String> namedFields(String html) {
		return java.util.regex.Pattern.compile("data-field=\"([^\"]+)\"")
			.matcher(html)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	/** The JVM's default locale German during each test, restored after it. */
	public static final class GermanJvm implements BeforeEachCallback, AfterEachCallback {

		private Locale before;

		@Override
		public void beforeEach(ExtensionContext context) {
			this.before = Locale.getDefault();
			Locale.setDefault(Locale.GERMANY);
		}

		@Override
		public void afterEach(ExtensionContext context) {
			Locale.setDefault(this.before);
		}

	}

}
