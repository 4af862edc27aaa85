package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.StringJoiner;

import com.trellis.notify.PartnerNotice;
import com.trellis.shared.MinorUnits;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a partner what a payout run paid it: one notice per run and partner, with the net
 * paid per currency, through the notify module's durable outbox. The notice's key names
 * the run and the partner, so a redelivered event or a second instance handling it never
 * writes a second notice.
 */
@Component
class PayoutNotices {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PayoutNotices(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Publishes the notice inside the transaction that wrote the run's items. */
	void paid(long runId, long partnerId, int items) {
		var amounts = new StringJoiner(", ");
		this.jdbc.sql("""
				SELECT currency, sum(amount) AS amount FROM payout_item
				WHERE run_id = :run AND partner_id = :partner GROUP BY currency ORDER BY currency
				""").param("run", runId).param("partner", partnerId).query(rs -> {
			String currency = rs.getString("currency");
			BigDecimal amount = MinorUnits.round(rs.getBigDecimal("amount"), currency);
			amounts.add(com.trellis.shared.StoredFigures.money(amount, currency));
		});
		this.events
			.publishEvent(new PartnerNotice("payout:" + runId + ":partner:" + partnerId, partnerId, "PAYOUT",
					"You were paid " + amounts,
					"Payout run #" + runId + " paid " + items + (items == 1 ? " earning" : " earnings") + " to you: "
							+ amounts + ". Your statement lists each of them.",
					"/partners/" + partnerId + "/incentives"));
	}

}
