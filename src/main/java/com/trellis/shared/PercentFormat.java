package com.trellis.shared;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/**
 * Shows a percentage on a page at the one scale of {@link Percent} ("45.8 %"), as
 * {@code @percent.text(share)} or, for a probability from 0 to 1,
 * {@code @percent.ofFraction(probability)}; a missing one as "—".
 */
@Component("percent")
public class PercentFormat {

	public String text(BigDecimal percent) {
		return percent == null ? "—" : Percent.text(percent);
	}

	public String ofFraction(BigDecimal fraction) {
		return text(Percent.ofFraction(fraction));
	}

}
