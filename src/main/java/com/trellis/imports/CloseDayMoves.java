package com.trellis.imports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts each planned closed deal's closing move on its close date, in the run's staging
 * ({@code imp_move}, before the deals' digests are taken). The CRM's close date (a day)
 * is the truth for the day a deal closed; the closing move (the history's last move, a
 * moment) can fall on another business day when the CRM kept its days in another zone
 * than the program's business zone (a Salesforce close on 30 September at 20:00 UTC is 1
 * October in Pacific/Auckland), and the deal would count in one quarter by close date
 * (KPIs) and in another by its history (funnel, forecast).
 * <p>
 * A closing move whose day in the business zone is not the close date is moved to the
 * close date at the same time of day; when that would put it before the move ahead of it
 * or the deal's creation, or after now (the run's clock), to the latest of the day's last
 * moment (23:59:59.999999) and now. Each case is a warning naming the row. When even that
 * is before the move ahead of it, the source's history moved the deal on after its close
 * date (days in the business zone): the row is refused naming its close column, the move
 * and its business day ({@code deals/CloseDayRule} is the same rule for the Trellis deal
 * format), and the deal leaves the plan. Moving it here, not when writing, keeps the
 * digest and the written history the same on every import of the same files, so a
 * re-import writes nothing.
 */
final class CloseDayMoves {

	private CloseDayMoves() {
	}

	/**
	 * Moves the closing moves of {@code imp_plan_deal}'s closed deals in {@code imp_move}
	 * (indexed on {@code (deal_ord, n)}) and adds a warning for each, naming
	 * {@code closeColumn}; refuses (and takes out of the plan) each deal whose history
	 * moved on after its close date.
	 */
	static void align(JdbcClient jdbc, ZoneId zone, Instant now, String closeColumn) {
		jdbc.sql(
				"""
						CREATE TEMPORARY TABLE imp_close_day ON COMMIT DROP AS
						WITH last AS (SELECT deal_ord, max(n) AS n FROM imp_move GROUP BY deal_ord),
						off AS (
						    SELECT p.ord, p.where_, p.close_date, c.n, c.stage, c.at, b.stage AS before_stage, b.at AS before_at,
						           (c.at AT TIME ZONE :zone)::DATE AS day,
						           (p.close_date + (c.at AT TIME ZONE :zone)::TIME) AT TIME ZONE :zone AS kept,
						           greatest(p.created_at, b.at, p.close_date::TIMESTAMP AT TIME ZONE :zone) AS earliest,
						           least((p.close_date + 1)::TIMESTAMP AT TIME ZONE :zone - INTERVAL '1 microsecond', :now) AS latest
						    FROM imp_plan_deal p
						    JOIN last l ON l.deal_ord = p.ord
						    JOIN imp_move c ON c.deal_ord = p.ord AND c.n = l.n
						    LEFT JOIN imp_move b ON b.deal_ord = p.ord AND b.n = l.n - 1
						    WHERE p.mapped IN ('CLOSED_WON', 'CLOSED_LOST') AND p.close_date IS NOT NULL
						      AND (c.at AT TIME ZONE :zone)::DATE <> p.close_date)
						SELECT o.*, CASE WHEN o.earliest > o.latest THEN NULL
						                 WHEN o.kept BETWEEN o.earliest AND o.latest
						                      AND (o.kept AT TIME ZONE :zone)::DATE = o.close_date THEN o.kept
						                 ELSE o.latest END AS to_at
						FROM off o
						""")
			.param("zone", zone.getId())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("""
				UPDATE imp_move m SET at = v.to_at FROM imp_close_day v
				WHERE m.deal_ord = v.ord AND m.n = v.n AND v.to_at IS NOT NULL
				""").update();
		jdbc.sql("""
				INSERT INTO imp_warning (text)
				SELECT where_ || :column || ' ' || close_date || ': the closing move to ' || stage || ' at ' || %s
				       || ' falls on ' || day || ' in ' || :zone || '; moved to ' || %s
				       || CASE WHEN to_at = kept THEN ', the same time of day on the close date'
				               WHEN to_at = :now THEN ', now (the close date is today)'
				               ELSE ', the close date''s last moment' END
				FROM imp_close_day WHERE to_at IS NOT NULL ORDER BY ord
				""".formatted(StagedChecks.instant("at"), StagedChecks.instant("to_at")))
			.param("zone", zone.getId())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("column", closeColumn)
			.update();
		// no moment of the close date keeps the history in order: the history moved the
		// deal on after its close date (business days), which cannot be imported
		// truthfully
		jdbc.sql(
				"""
						INSERT INTO imp_error (field, message, ref_ord, deal_ord)
						SELECT where_ || :column, 'date ' || close_date || ': the move to ' || coalesce(before_stage, stage)
						       || ' at ' || coalesce(%s, %s) || ' falls on '
						       || (coalesce(before_at, at) AT TIME ZONE :zone)::DATE || ' in ' || :zone
						       || ', after the close date ' || close_date || ': a closed deal''s history ends on its close date',
						       ord, NULL
						FROM imp_close_day WHERE to_at IS NULL ORDER BY ord
						"""
					.formatted(StagedChecks.instant("before_at"), StagedChecks.instant("at")))
			.param("zone", zone.getId())
			.param("column", closeColumn)
			.update();
		jdbc.sql("""
				DELETE FROM imp_move WHERE deal_ord IN (SELECT ord FROM imp_close_day WHERE to_at IS NULL);
				DELETE FROM imp_plan_deal WHERE ord IN (SELECT ord FROM imp_close_day WHERE to_at IS NULL)
				""").update();
	}

}
