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

}
