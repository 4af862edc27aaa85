package com.trellis.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageResultTest {

	@Test
	void aPagePastTheEndLeadsBackToTheLastPageNotToThePageBeforeIt() {
		var past = new PageResult<String>(List.of(), 99999, 50, 120);
		assertThat(past.totalPages()).isEqualTo(3);
		assertThat(past.hasPrevious()).isTrue();
		assertThat(past.previousPage()).isEqualTo(2);
		assertThat(past.hasNext()).isFalse();
	}

	@Test
	void insideTheListThePreviousPageIsTheOneBefore() {
		var second = new PageResult<>(List.of("a"), 1, 50, 120);
		assertThat(second.previousPage()).isZero();
		assertThat(new PageResult<String>(List.of(), 5, 50, 0).previousPage()).as("an empty list has page 0").isZero();
	}

	@Test
	void aListCountedToTheLimitIsShownAsMoreAndStillHasANextPage() {
		var request = PageRequest.listed(2, 25);
		assertThat(request.countLimit()).isEqualTo(50 + PageRequest.COUNT_AHEAD + 1);
		var more = PageResult.counted(List.of("a"), request, request.countLimit());
		assertThat(more.totalExact()).isFalse();
		assertThat(more.total()).isEqualTo(50 + PageRequest.COUNT_AHEAD);
		var english = new Figures(java.time.ZoneOffset.UTC, java.util.Locale.US);
		var german = new Figures(java.time.ZoneOffset.UTC, java.util.Locale.GERMANY);
		assertThat(english.total(more)).isEqualTo("1,050+");
		assertThat(german.total(more)).isEqualTo("1.050+");
		assertThat(english.pages(more)).isEqualTo("42+");
		assertThat(more.hasNext()).isTrue();
		var whole = PageResult.counted(List.of("a"), request, 51);
		assertThat(whole.totalExact()).isTrue();
		assertThat(english.total(whole)).isEqualTo("51");
		assertThat(whole.hasNext()).isFalse();
	}

	@Test
	void aFullCountHasNoLimit() {
		assertThat(PageRequest.of(3, 25).countLimit()).isNull();
		assertThat(PageResult.counted(List.of(), PageRequest.of(0, 25), 5000).totalExact()).isTrue();
	}

}
