package com.trellis.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {

	private final PageLinks links = new PageLinks();

	@AfterEach
	void forgetTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void keepsTheQueryOfAGetOfTheSameListAndReplacesOnlyThePage() {
		var request = request("GET", "/registrations");
		request.setParameter("status", "PENDING");
		request.setParameter("page", "4");
		request.addParameter("tag", "a b", "c/d");
		assertThat(this.links.to("/registrations", 5))
			.isEqualTo("/registrations?status=PENDING&tag=a%20b&tag=c%2Fd&page=5");
	}

	/**
	 * The export link keeps the list's filters the export takes, and neither the pages
	 * nor what the export would ignore (try14: {@code embed=true}, a typo).
	 */
	@Test
	void theExportLinkKeepsTheFiltersTheExportTakesOnly() {
		var request = request("GET", "/opportunities");
		request.setParameter("partnerId", "1");
		request.setParameter("embed", "true");
		request.setParameter("foo", "x");
		request.setParameter("page", "3");
		request.setParameter("size", "10");
		request.setParameter("q", "a&b");
		assertThat(this.links.export("/opportunities", "/opportunities/export.csv", "q stage partnerId"))
			.isEqualTo("/opportunities/export.csv?partnerId=1&q=a%26b");
		assertThat(this.links.export("/opportunities", "/opportunities/export.csv", ""))
			.isEqualTo("/opportunities/export.csv");
		assertThat(this.links.export("/partners", "/partners/export.csv", "q")).isEqualTo("/partners/export.csv");
	}

	@Test
	void leavesOutTheFieldsOfAFormPostedOrAnotherPathsQuery() {
		request("POST", "/account-plans").setParameter("partnerId", "7");
		assertThat(this.links.to("/account-plans", 1)).isEqualTo("/account-plans?page=1");
		request("GET", "/partners").setParameter("q", "x");
		assertThat(this.links.to("/accounts", 0)).isEqualTo("/accounts?page=0");
	}

	@Test
	void keepsTheContextPathAndWorksWithoutARequest() {
		var request = request("GET", "/prm/leads");
		request.setContextPath("/prm");
		request.setParameter("status", "NEW");
		assertThat(this.links.to("/leads", 2)).isEqualTo("/prm/leads?status=NEW&page=2");
		RequestContextHolder.resetRequestAttributes();
		assertThat(this.links.to("/leads", 2)).isEqualTo("/leads?page=2");
	}

	/**
	 * A parameter sent blank is not carried into the pager's links or a filter form's
	 * hidden fields (try44: {@code spendSize=%20} was repeated in every link).
	 */
	@Test
	void leavesOutParametersSentBlank() {
		var request = request("GET", "/roi");
		request.setParameter("spendSize", " ");
		request.setParameter("quarter", "");
		request.setParameter("cohortPage", "2");
		assertThat(this.links.to("/roi", "spendPage", 1)).isEqualTo("/roi?cohortPage=2&spendPage=1");
		assertThat(this.links.kept("/roi", "quarter")).extracting(java.util.Map.Entry::getKey)
			.containsExactly("cohortPage");
	}

	private static MockHttpServletRequest request(String method, String uri) {
		var request = new MockHttpServletRequest(method, uri);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return request;
	}

}
