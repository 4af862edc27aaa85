package com.trellis.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedAmountsTests {

	@Test
	void anAmountTypedWithThousandsSeparatorsIsReadAsTheNumberItShows() {
		assertThat(read("75,000")).isEqualByComparingTo("75000");
		assertThat(read("1,250,000.50")).isEqualByComparingTo("1250000.50");
		assertThat(read(" 75000.00 ")).isEqualByComparingTo("75000");
		assertThat(read("")).isNull();
	}

	@Test
	void commasThatDoNotGroupThousandsAreRefusedNotGuessed() {
		assertThatThrownBy(() -> read("75,5")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> read("7,50,000")).isInstanceOf(IllegalArgumentException.class);
	}

	private static BigDecimal read(String text) {
		var editor = new GroupedAmounts.Editor();
		editor.setAsText(text);
		return (BigDecimal) editor.getValue();
	}

}
