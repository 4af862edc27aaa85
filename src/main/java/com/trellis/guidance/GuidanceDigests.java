package com.trellis.guidance;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.notify.DigestNotice;
import com.trellis.notify.Digests;
import com.trellis.shared.BusinessCalendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest: each person's waiting recommendations ({@link Guidance#current}, so
 * never an accepted or dismissed one, and a snoozed one only from its day) go out through
 * the notify module's outbox by the channels the person keeps on for digests. A business
 * week's digests go out once across instances: one transaction takes an advisory lock (a
 * second instance waits), checks the week's key, writes every digest and the key, so a
 * crash leaves nothing half sent and a second run of the week sends nothing. Nothing is
 * composed, and the week is not recorded, before the day's guidance run has raised the
 * recommendations: a digest of a week before them would be empty (or last run's), and the
 * week's key would keep the real one from ever going out.
 */
@Service
public class GuidanceDigests {

	private static final Logger log = LoggerFactory.getLogger(GuidanceDigests.class);

	private final Guidance guidance;

	private final DigestStore store;

	private final Digests digests;

	private final Users users;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final String baseUrl;

	GuidanceDigests(Guidance guidance, DigestStore store, Digests digests, Users users, BusinessCalendar calendar,
			Clock clock, TransactionTemplate transaction,
			@Value("${trellis.public-base-url:http://localhost:8080}") String baseUrl) {
		this.guidance = guidance;
		this.store = store;
		this.digests = digests;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = transaction;
		this.baseUrl = baseUrl.replaceFirst("/+$", "");
	}

	/** The Monday of the business week a day falls in: a digest's period. */
	static LocalDate weekOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * Sends this business week's digests unless they went out already (here or on another
	 * instance) or today's guidance run has not finished yet; returns false then (and
	 * records nothing, so the digest goes out after the run: {@link DigestJobs}).
	 */
	public boolean runWeekly() {
		var today = this.calendar.today();
		var week = weekOf(today);
		if (this.store.sent(week)) {
			return false;
		}
		var ran = this.transaction.execute(status -> {
			this.store.lock();
			if (this.store.sent(week)) {
				return false;
			}
			if (!this.store.guidanceRanOn(today)) {
				log.info("Guidance digest of the week of {} waits for the guidance run of {}", week, today);
				return false;
			}
			var people = this.store.waitingPeople(today);
			var summaries = this.users.byIds(people);
			int sent = 0;
			for (var id : people) {
				var user = summaries.get(id);
				if (user == null) {
					continue;
				}
				var viewer = new Viewer(user.id(), user.displayName(), user.role(), user.partnerId());
				var waiting = this.guidance.current(viewer);
				var ids = waiting.stream().map(RecommendationView::id).toList();
				var digest = DigestComposer.compose(user.displayName(), week, waiting, this.store.digested(ids),
						this.baseUrl);
				if (digest.isEmpty()) {
					continue;
				}
				var d = digest.get();
				if (this.digests.enqueue(new DigestNotice("guidance-digest:" + week + ":user:" + id, id, d.subject(),
						d.body(), "/guidance"))) {
					this.store.listed(d.listed(), today);
					sent++;
				}
			}
			this.store.record(week, sent, this.clock.instant());
			log.info("Guidance digest of the week of {}: {} people", week, sent);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

	/**
	 * Whether this week's digests are due and not sent: the cron fired this business week
	 * before now (so an instance that was down at the time sends them on start).
	 */
	boolean missed(String cron) {
		var zone = this.calendar.zone();
		var now = this.clock.instant().atZone(zone);
		var week = weekOf(now.toLocalDate());
		var first = CronExpression.parse(cron).next(week.atStartOfDay(zone).minusNanos(1));
		return first != null && !first.isAfter(now) && !this.store.sent(week);
	}

}
