package com.trellis.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A KPI trend's finished periods kept between requests (issue 15): a trend reads the
 * period and the five before it, and the finished ones were read again on every request,
 * one statement each for most KPIs (SALES_CYCLE 60 ms of a record page's 78 ms of server
 * time on the large data, the recency KPIs' one statement 50 ms). A finished period's
 * figures are kept per KPI, slice (as the viewer may see it) and period for
 * {@code trellis.metrics.finished-trend-ttl} (default one minute; zero reads them on
 * every request); a period still running is read every time. What changes a finished
 * period's figures (a deal closed or corrected with a past date, an exchange rate, a
 * partner's lifecycle status, a back-dated activity) shows in it within the time to keep,
 * in the running period at once. At most {@value #KEPT} periods are kept, least used
 * dropped first.
 */
@Component
class FinishedTrendPeriods {

	/** Finished periods kept at most. */
	static final int KEPT = 5_000;

	private final Cache<Key, Kpi> kept;

	FinishedTrendPeriods(@Value("${trellis.metrics.finished-trend-ttl:1m}") Duration ttl) {
		this.kept = Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(ttl).build();
	}

	/**
	 * The KPI {@code code} over each of {@code periods} (each measured, in order) for the
	 * slice: the finished periods' figures kept, the others read by {@code read} (given
	 * them in order, it returns one figure each, in order) in one call.
	 */
	List<Kpi> of(String code, Slice slice, List<Period> periods, Function<List<Period>, List<Kpi>> read) {
		var figures = new Kpi[periods.size()];
		var unread = new ArrayList<Integer>();
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			figures[i] = period.unfinished() ? null : this.kept.getIfPresent(Key.of(code, slice, period));
			if (figures[i] == null) {
				unread.add(i);
			}
		}
		if (unread.isEmpty()) {
			return Arrays.asList(figures);
		}
		var fresh = read.apply(unread.stream().map(periods::get).toList());
		for (int j = 0; j < unread.size(); j++) {
			var period = periods.get(unread.get(j));
			figures[unread.get(j)] = fresh.get(j);
			if (!period.unfinished()) {
				this.kept.put(Key.of(code, slice, period), fresh.get(j));
			}
		}
		return Arrays.asList(figures);
	}

	/**
	 * Whose figures are kept: a KPI's over a finished period of a slice, its days in a
	 * zone.
	 */
	private record Key(String code, Slice slice, LocalDate from, LocalDate until, ZoneId zone) {

		static Key of(String code, Slice slice, Period period) {
			return new Key(code, slice, period.from(), period.until(), period.zone());
		}

	}

}
