package com.trellis.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the records of every partner for several cut-offs at once: one pass per kind of
 * record over the union of the cut-offs' windows (each query bounded by the earliest
 * window start and the latest cut-off, so a table partitioned by time is pruned), every
 * cursor ordered by partner and merged as it streams. Each partner's records are handed
 * out per cut-off, filtered exactly as {@link ScoringRecords#load} filters them for that
 * cut-off alone, and then forgotten: memory holds one partner's records at a time, and
 * there is no query per partner.
 */
@Repository
class RecordStream {

	/** Rows fetched per round trip on each cursor. */
	private static final int FETCH = 5_000;

	/** What receives each partner's records as of one of the cut-offs (by index). */
	@FunctionalInterface
	interface Visitor {

		void accept(int cutoff, PartnerRecords records);

	}

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	RecordStream(DataSource dataSource, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Hands every partner that existed by a cut-off its records as of that cut-off,
	 * partner by partner in id order, for each cut-off.
	 */
	void forEach(List<AsOf> cutoffs, ZoneId zone, Visitor visitor) {
		if (cutoffs.isEmpty()) {
			return;
		}
		// cursors stream only inside a transaction: join the caller's or open one
		this.transaction.executeWithoutResult(status -> {
			var connection = DataSourceUtils.getConnection(this.dataSource);
			try (var sources = new Sources(connection, Window.of(cutoffs), zone)) {
				sources.run(cutoffs, visitor);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot read the scoring records: " + ex.getMessage(), ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	/** The union of the cut-offs' windows. */
	record Window(Instant lastEnd, Instant activitySince, Instant dealsSince, LocalDate firstDay, LocalDate lastDay) {

		static Window of(List<AsOf> cutoffs) {
			var first = cutoffs.stream().min(Comparator.comparing(AsOf::end)).orElseThrow();
			var last = cutoffs.stream().max(Comparator.comparing(AsOf::end)).orElseThrow();
			return new Window(last.end(), first.end().minus(ScoringRecords.ACTIVITY_BACK),
					first.end().minus(ScoringRecords.DEALS_BACK), first.day(), last.day());
		}

	}

	/** The open cursors, one per kind of record, merged by partner. */
	static final class Sources implements AutoCloseable {

		private final List<PreparedStatement> statements = new ArrayList<>();

		final RecordCursor partners;

		final RecordCursor members;

		final RecordCursor activity;

		final RecordCursor asks;

		final RecordCursor deals;

		final RecordCursor steps;

		final RecordCursor invitations;

		final RecordCursor certifications;

		private final ZoneId zone;

		Sources(Connection connection, Window window, ZoneId zone) throws SQLException {
			this.zone = zone;
			var end = Timestamp.from(window.lastEnd());
			var activitySince = Timestamp.from(window.activitySince());
			var dealsSince = Timestamp.from(window.dealsSince());
			this.partners = open(connection,
					"SELECT id, created_at, onboarded_on, verticals FROM partner WHERE created_at < ? ORDER BY id",
					end);
			this.members = open(connection, """
					SELECT partner_id, id, job_role, created_at FROM app_user
					WHERE partner_id IS NOT NULL AND created_at < ? ORDER BY partner_id
					""", end);
			this.activity = open(connection, """
					SELECT partner_id, CAST(occurred_at AT TIME ZONE ? AS DATE) AS day, type, count(*)
					FROM activity_event
					WHERE occurred_at >= ? AND occurred_at < ?
					GROUP BY 1, 2, 3 ORDER BY 1
					""", zone.getId(), activitySince, end);
			this.asks = open(connection, """
					SELECT partner_id, requested_at, answered_at FROM cosell_request
					WHERE requested_at >= ? AND requested_at < ? ORDER BY partner_id
					""", activitySince, end);
			var dealsWhere = """
					WHERE o.partner_id IS NOT NULL AND (o.closed_at IS NULL OR o.closed_at >= ?)
					""";
			this.deals = open(connection, """
					SELECT o.partner_id, o.id, GREATEST(o.created_at, coalesce(d.attached_at, o.created_at)),
					       a.industry, o.closed_at
					FROM opportunity o LEFT JOIN deal_partner_attachment d ON d.opportunity_id = o.id
					LEFT JOIN account a ON a.id = o.account_id
					""" + dealsWhere + """
					  AND GREATEST(o.created_at, coalesce(d.attached_at, o.created_at)) < ?
					ORDER BY o.partner_id, o.id
					""", dealsSince, end);
			this.steps = open(connection, """
					SELECT o.partner_id, c.opportunity_id, c.to_stage, c.changed_at
					FROM opportunity_stage_change c JOIN opportunity o ON o.id = c.opportunity_id
					""" + dealsWhere + """
					  AND c.changed_at < ?
					ORDER BY o.partner_id, c.opportunity_id, c.changed_at
					""", dealsSince, end);
			this.invitations = open(connection, """
					SELECT d.partner_id, d.opportunity_id, d.attached_by, d.attached_at
					FROM deal_partner_attachment d JOIN app_user u ON u.id = d.attached_by
					WHERE d.via = 'REP' AND d.credit_type <> 'SOURCED' AND u.role IN ('AE', 'SALES_MANAGER')
					  AND d.attached_at < ?
					  AND NOT EXISTS (SELECT 1 FROM partner_prompt pp
					                  WHERE pp.opportunity_id = d.opportunity_id AND pp.prompted_at <= d.attached_at)
					ORDER BY d.partner_id
					""", end);
			this.certifications = open(connection, """
					SELECT c.partner_id, c.user_id, c.completed_on, c.expires_on, c.recorded_at
					FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
					WHERE i.kind = 'CERTIFICATION' AND c.recorded_at < ? AND c.completed_on <= ?
					  AND (c.expires_on IS NULL OR c.expires_on >= ?)
					ORDER BY c.partner_id
					""", end, java.sql.Date.valueOf(window.lastDay()), java.sql.Date.valueOf(window.firstDay()));
		}

		private RecordCursor open(Connection connection, String sql, Object... params) throws SQLException {
			var statement = connection.prepareStatement(sql);
			this.statements.add(statement);
			statement.setFetchSize(FETCH);
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			return new RecordCursor(statement.executeQuery());
		}

		void run(List<AsOf> cutoffs, Visitor visitor) throws SQLException {
			var lists = new RecordLists();
			while (this.partners.more) {
				var rs = this.partners.rs;
				long id = rs.getLong(1);
				var createdAt = rs.getTimestamp(2).toInstant();
				var onboardedOn = rs.getObject(3, LocalDate.class);
				var verticals = Arrays.asList((String[]) rs.getArray(4).getArray());
				this.partners.advance();
				lists.read(this, id);
				for (int k = 0; k < cutoffs.size(); k++) {
					var asOf = cutoffs.get(k);
					if (createdAt.isBefore(asOf.end())) {
						visitor.accept(k, lists.asOf(id, onboardedOn, verticals, asOf, this.zone));
					}
				}
			}
		}

		@Override
		public void close() throws SQLException {
			SQLException failure = null;
			for (var statement : this.statements) {
				try {
					statement.close();
				}
				catch (SQLException ex) {
					failure = ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
		}

	}

}
