package com.trellis.guidance;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

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
 * the notify module's outbox by the channels the person keeps on for digests.
 * <p>
 * A week's digests go out in batches of {@code trellis.guidance.digest-batch-size} people
 * (default 300), in order of user id, each batch in a transaction of its own: its
 * digests, the {@code digested_on} day of the recommendations they list, and the batch's
 * people noted as handled in the week ({@link DigestStore#handled}) commit together, so a
 * crash loses at most the batch it was in, and the next run (here or on another instance)
 * reads only the people not handled yet (one query) and goes on with them. The week's key
 * ({@code guidance_digest_run}) is written only after the last batch, in a transaction
 * that finds nobody left waiting; a run of a week with its key sends nothing.
 * <p>
 * Two instances at once: each batch's transaction takes a transaction-level advisory lock
 * ({@link DigestStore#lock}, released at its commit) and, under it, checks the week's key
 * and drops from its batch the people another instance's committed batches handled. So
 * the lock is held for one batch at a time, never for the whole run; the instances take
 * turns batch by batch, share the work, and each person is handled once. Each digest's
 * notice key, {@code guidance-digest:<monday>:user:<id>}, is unique besides
 * ({@link Digests#enqueue} writes nothing for a key it has), so even a person handled
 * twice would get one digest. The instance whose closing transaction records the week
 * returns true, the other false.
 * <p>
 * Nothing is composed, and the week is not recorded, before the day's guidance run has
 * raised the recommendations: a digest of a week before them would be empty (or last
 * run's), and the week's key would keep the real one from ever going out.
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

	private final int batchSize;

	GuidanceDigests(Guidance guidance, DigestStore store, Digests digests, Users users, BusinessCalendar calendar,
			Clock clock, TransactionTemplate transaction,
			@Value("${trellis.public-base-url:http://localhost:8080}") String baseUrl,
			@Value("${trellis.guidance.digest-batch-size:300}") int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException(
					"trellis.guidance.digest-batch-size must be 1 or more, was " + batchSize);
		}
		this.guidance = guidance;
		this.store = store;
		this.digests = digests;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
		this.transaction = transaction;
		this.baseUrl = baseUrl.replaceFirst("/+$", "");
		this.batchSize = batchSize;
	}

	/** The Monday of the business week a day falls in: a digest's period. */
	static LocalDate weekOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * Sends this business week's digests unless they went out already (here or on another
	 * instance) or today's guidance run has not finished yet; returns false then (and
	 * records nothing, so the digest goes out after the run: {@link DigestJobs}), and
	 * also when another instance's run recorded the week first. A failing batch is thrown
	 * as raised, after the batches before it committed.
	 */
	public boolean runWeekly() {
		var today = this.calendar.today();
		var week = weekOf(today);
		if (this.store.sent(week)) {
			return false;
		}
		if (!this.store.guidanceRanOn(today)) {
			log.info("Guidance digest of the week of {} waits for the guidance run of {}", week, today);
			return false;
		}
		var pending = this.store.pendingPeople(today, week);
		while (true) {
			for (int from = 0; from < pending.size(); from += this.batchSize) {
				var batch = pending.subList(from, Math.min(from + this.batchSize, pending.size()));
				if (!Boolean.TRUE.equals(this.transaction.execute(status -> sendBatch(week, today, batch)))) {
					return false;
				}
			}
			var close = this.transaction.execute(status -> close(week, today));
			if (close == null || close.recordedElsewhere()) {
				return false;
			}
			if (close.left().isEmpty()) {
				return true;
			}
			pending = close.left();
		}
	}

	/**
	 * One batch, in the caller's transaction: false when the week is recorded already.
	 * Everyone of the batch not handled yet gets their digest (when anything waits on
	 * them and they are enabled) and is noted as handled.
	 */
	private boolean sendBatch(LocalDate week, LocalDate today, List<Long> batch) {
		this.store.lock();
		if (this.store.sent(week)) {
			return false;
		}
		var people = this.store.unhandled(week, batch);
		var summaries = this.users.byIds(people);
		var sent = new ArrayList<Long>();
		var listed = new ArrayList<Long>();
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
			if (this.digests.enqueue(new DigestNotice(key(week, id), id, d.subject(), d.body(), "/guidance"))) {
				sent.add(id);
				listed.addAll(d.listed());
			}
		}
		this.store.listed(listed, today);
		this.store.handled(week, people, sent);
		log.debug("Guidance digest of the week of {}: batch of {} people, {} sent", week, people.size(), sent.size());
		return true;
	}

	/**
	 * The closing transaction: records the week when nobody is left waiting, or returns
	 * who is (people whose recommendations came up during the run).
	 */
	private Close close(LocalDate week, LocalDate today) {
		this.store.lock();
		if (this.store.sent(week)) {
			return new Close(true, List.of());
		}
		var left = this.store.pendingPeople(today, week);
		if (!left.isEmpty()) {
			return new Close(false, left);
		}
		int people = this.store.record(week, this.clock.instant());
		log.info("Guidance digest of the week of {}: {} people", week, people);
		return new Close(false, List.of());
	}

	private record Close(boolean recordedElsewhere, List<Long> left) {
	}

	/** A person's digest of a week: its notice key, unique in the outbox. */
	static String key(LocalDate week, long userId) {
		return "guidance-digest:" + week + ":user:" + userId;
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
