package com.trellis.web;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that names a record that does not exist is 404 whatever its body says (s72):
 * the tier override answered 400 for a bad body and 404 for a good one, so a caller
 * learned nothing reliable from either. Every write of the API that takes a record's id
 * in its path and a body, sent by a program admin (who may see every record) with an id
 * no record has and a body that is empty, unreadable or of the wrong shape.
 */
@TrellisTest
class UnknownRecordBeforeBodyTests {

	private static final long NONE = 987654321L;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	@Test
	void everyWriteNamingAnUnknownRecordIsNotFoundWhateverTheBody() throws Exception {
		String token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		List<String> wrong = new ArrayList<>();
		var writes = writes();
		assertThat(writes).as("the API's writes on a record in the path, with a body").hasSizeGreaterThan(20);
		for (var write : writes) {
			for (var body : new String[] { "{}", "[1]", "{\"x\": " }) {
				var request = MockMvcRequestBuilders.request(write.method(), write.path())
					.header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body);
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				// 403: the role may not make this write at all, whatever the record
				if (status != 404 && status != 403) {
					wrong.add(write.method() + " " + write.path() + " " + body + " -> " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Each API write whose path names records by id only ({@code {id}}, {@code {xId}})
	 * and that reads a JSON body, with every id one no record has.
	 */
	private List<Write> writes() {
		var writes = new ArrayList<Write>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			boolean body = java.util.Arrays.stream(method.getMethodParameters())
				.anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class));
			for (var pattern : info.getPatternValues()) {
				var variables = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(pattern);
				boolean ids = false;
				boolean others = false;
				while (variables.find()) {
					boolean id = variables.group(1).equals("id") || variables.group(1).endsWith("Id");
					ids |= id;
					others |= !id;
				}
				if (!body || !ids || others || !pattern.startsWith("/api/v1/")) {
					continue;
				}
				for (var verb : info.getMethodsCondition().getMethods()) {
					if (verb != org.springframework.web.bind.annotation.RequestMethod.GET) {
						writes.add(new Write(org.springframework.http.HttpMethod.valueOf(verb.name()),
								pattern.replaceAll("\\{[^}]*}", String.valueOf(NONE))));
					}
				}
			}
		});
		return writes;
	}

	private record Write(org.springframework.http.HttpMethod method, String path) {
	}

}
