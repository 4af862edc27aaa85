package com.trellis.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's account list is UTF-8 text: a Latin-1 or UTF-16 file is refused, page and
 * API, as the imports refuse it, and the list it was meant to replace stays current.
 */
@TrellisTest
class AccountListEncodingTests {

	private static final String MUELLER = "company_name,web_domain,country,status\nMüller GmbH,mueller.de,DE,customer\n";

	private static final String KEPT = "company_name,web_domain,country,status\nKept Co,kept-co.com,US,customer\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLatin1OrUtf16ListSentToTheApiIsRefusedAndTheLastListStays() throws Exception {
		var world = this.fixtures.world("Mapping Encoding Api " + System.nanoTime());
		var token = this.fixtures.token(world.pam());
		api(token, world.partnerId(), KEPT.getBytes(StandardCharsets.UTF_8)).andExpect(status().isCreated());
		for (var charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
			api(token, world.partnerId(), MUELLER.getBytes(charset)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(contains("body")))
				.andExpect(jsonPath("$.errors[0].message").value("not UTF-8 text; save the export as UTF-8 CSV"));
		}
		assertThat(names(token, world.partnerId())).isEqualTo("[\"Kept Co\"]");
		// try11: a NUL was told with no place in the file
		api(token, world.partnerId(), (KEPT + "Nul Co,nul\u0000co.com,US,prospect\n").getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("must not contain a NUL character (the first is on line 3, character 11)"));
		api(token, world.partnerId(), MUELLER.getBytes(StandardCharsets.UTF_8)).andExpect(status().isCreated());
		assertThat(names(token, world.partnerId())).isEqualTo("[\"Müller GmbH\"]");
	}

	@Test
	void aLatin1OrUtf16ListUploadedOnThePageIsRefusedAndTheLastListStays() throws Exception {
		var world = this.fixtures.world("Mapping Encoding Page " + System.nanoTime());
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		page(session, world.partnerId(), "list.csv", KEPT.getBytes(StandardCharsets.UTF_8))
			.andExpect(flash().attribute("notice", "Uploaded 1 row; it replaces the last list"));
		for (var charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
			page(session, world.partnerId(), "list.csv", MUELLER.getBytes(charset))
				.andExpect(flash().attribute("error", "Nothing was uploaded: the file has errors"))
				.andExpect(flash().attribute("uploadErrors",
						List.of(new FieldError("file", "not UTF-8 text; save the export as UTF-8 CSV"))));
		}
		page(session, world.partnerId(), "empty.csv", new byte[0]).andExpect(flash().attribute("uploadErrors",
				List.of(new FieldError("file", "the file is empty, no header line"))));
		page(session, world.partnerId(), "", new byte[0]).andExpect(
				flash().attribute("uploadErrors", List.of(new FieldError("file", "choose a CSV file to upload"))));
		assertThat(names(this.fixtures.token(world.pam()), world.partnerId())).isEqualTo("[\"Kept Co\"]");
	}

	@Test
	void aListReadsItsRowCountInTheRightNumber() throws Exception {
		var world = this.fixtures.world("Mapping Row Count " + System.nanoTime());
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam());
		var two = KEPT + "Other Co,other-co.com,US,prospect\n";
		page(session, world.partnerId(), "list.csv", two.getBytes(StandardCharsets.UTF_8))
			.andExpect(flash().attribute("notice", "Uploaded 2 rows; they replace the last list"));
		page(session, world.partnerId(), "list.csv", KEPT.getBytes(StandardCharsets.UTF_8));
		var html = Readers.read(this.mvc, session, "/partners/" + world.partnerId() + "/account-list");
		assertThat(html).contains("Current list (1 row)").doesNotContain("1 rows");
	}

	private ResultActions api(String token, long partnerId, byte[] body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/partners/" + partnerId + "/account-list").header("Authorization", "Bearer " + token)
				.contentType(MediaType.valueOf("text/csv"))
				.content(body));
	}

	private ResultActions page(org.springframework.mock.web.MockHttpSession session, long partnerId, String name,
			byte[] bytes) throws Exception {
		return this.mvc
			.perform(multipart("/partners/" + partnerId + "/account-list")
				.file(new MockMultipartFile("file", name, "text/csv", bytes))
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private String names(String token, long partnerId) throws Exception {
		var json = this.mvc
			.perform(get("/api/v1/partners/" + partnerId + "/account-list").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return com.jayway.jsonpath.JsonPath.read(json, "$[*].companyName").toString();
	}

}
