package com.trellis.dormancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import com.trellis.activity.Activity;
import com.trellis.audit.AuditLog;
import com.trellis.deals.PartnerOutcomes;
import com.trellis.enablement.Enablement;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.FreeText;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dormancy module's facade: the daily pass that moves partners to dormant and back,
 * the diagnosis, and the re-engagement sequence a PAM starts with one action.
 */
@Service
public class Dormancy {

	static final List<String> SIGNALS = List.of("PORTAL_LOGIN", "DEAL_REGISTERED", "TRAINING_STARTED",
			"TRAINING_COMPLETED", "CERTIFICATION_EARNED");

	private final ReengagementRepository sequences;

	private final Partners partners;

	private final Activity activity;

	private final PartnerOutcomes outcomes;

	private final Registrations registrations;

	private final Enablement enablement;

	private final AuditLog audit;

	private final Clock clock;

	private final int idleDays;

	private final BusinessCalendar calendar;

	private final com.trellis.incentives.Incentives incentives;

	Dormancy(ReengagementRepository sequences, Partners partners, Activity activity, PartnerOutcomes outcomes,
			Registrations registrations, Enablement enablement, AuditLog audit, Clock clock,
			@Value("${trellis.dormancy.idle-days:60}") int idleDays, com.trellis.incentives.Incentives incentives,
			BusinessCalendar calendar) {
		this.calendar = calendar;
		this.incentives = incentives;
		this.sequences = sequences;
		this.partners = partners;
		this.activity = activity;
		this.outcomes = outcomes;
		this.registrations = registrations;
		this.enablement = enablement;
		this.audit = audit;
		this.clock = clock;
		this.idleDays = idleDays;
	}

	/**
	 * Moves idle partners to dormant, dormant partners with new activity back to active
	 * (closing their sequence as answered), and proposes sunset where a sequence ran out
	 * unanswered. Safe to run twice, also at once on two instances: each move happens
	 * only from the status it starts in, read under its lock, and only a move made is
	 * audited and counted.
	 * @return how many partners this run moved
	 */
	@Transactional
	public int daily() {
		var today = today();
		var last = this.activity.lastSignals(SIGNALS);
		int moved = 0;
		for (PartnerView partner : this.partners
			.inStatuses(EnumSet.of(LifecycleStatus.ONBOARDING, LifecycleStatus.ACTIVE, LifecycleStatus.DORMANT))) {
			var signal = last.get(partner.id());
			if (partner.lifecycleStatus() == LifecycleStatus.DORMANT) {
				var since = this.partners.inStatusSince(partner.id());
				if (signal != null && since != null && signal.isAfter(since) && this.partners.changeLifecycleAsSystem(
						partner.id(), LifecycleStatus.ACTIVE, "New activity on " + this.calendar.dayOf(signal))) {
					this.sequences.open(partner.id())
						.ifPresent(sequence -> this.sequences.end(sequence.id(), "RESPONDED", this.clock.instant()));
					moved++;
				}
				continue;
			}
			var decision = DormancyRule.decide(signal, partner.onboardedOn(), today, this.idleDays,
					this.calendar.zone());
			if (decision.dormant() && this.partners.changeLifecycleAsSystem(partner.id(), LifecycleStatus.DORMANT,
					"Dormant: " + decision.reason())) {
				moved++;
			}
		}
		for (var runOut : this.sequences.runOut(today)) {
			var signal = last.get(runOut[1]);
			// ended meanwhile by another instance's run: nothing left to propose
			var started = this.sequences.open(runOut[1]).map(DormancyView.Sequence::startedAt).orElse(null);
			if (started != null && (signal == null || !signal.isAfter(started))
					&& this.sequences.proposeSunset(runOut[0])) {
				this.audit.record(AuditLog.Actor.SYSTEM, "partner", runOut[1],
						"sunset proposed: re-engagement sequence ran out unanswered", null, null);
			}
		}
		return moved;
	}

	@Transactional(readOnly = true)
	public DormancyView view(Viewer viewer, long partnerId) {
		var partner = this.partners.get(viewer, partnerId);
		var signal = this.activity.lastSignal(partnerId, SIGNALS);
		var decision = DormancyRule.decide(signal, partner.onboardedOn(), today(), this.idleDays, this.calendar.zone());
		var diagnosis = diagnose(partnerId);
		return new DormancyView(partnerId, partner.lifecycleStatus().name(), signal, decision.dormant(),
				decision.reason(), diagnosis.cause().name(), diagnosis.evidence(),
				this.sequences.open(partnerId).orElse(null));
	}

	@Transactional
	public DormancyView start(Viewer viewer, long partnerId) {
		requirePam(viewer, partnerId);
		if (this.partners.get(viewer, partnerId).lifecycleStatus() != LifecycleStatus.DORMANT) {
			throw InvalidInputException.of("partnerId", "re-engagement is for dormant partners");
		}
		if (this.sequences.open(partnerId).isPresent()) {
			throw new ConflictException("partnerId", "a re-engagement sequence is already running");
		}
		var diagnosis = diagnose(partnerId);
		long id = this.sequences.start(partnerId, diagnosis.cause().name(), diagnosis.evidence(), viewer.userId(),
				this.clock.instant(), today());
		this.audit.record(viewer.actor(), "partner", partnerId, "re-engagement started (" + diagnosis.cause() + ")",
				null, java.util.Map.of("sequence", id));
		return view(viewer, partnerId);
	}

	@Transactional
	public DormancyView completeStep(Viewer viewer, long partnerId, long stepId, String note) {
		requirePam(viewer, partnerId);
		var sequence = this.sequences.open(partnerId)
			.orElseThrow(() -> InvalidInputException.of("partnerId", "no re-engagement sequence is running"));
		if (this.sequences.completeStep(sequence.id(), stepId, viewer.userId(),
				FreeText.optional("note", note, FreeText.NOTE), this.clock.instant()) == 0) {
			throw InvalidInputException.of("stepId", "no open step " + stepId + " in this sequence");
		}
		return view(viewer, partnerId);
	}

	/** Sunset after an unanswered sequence: the PAM confirms with a reason. */
	@Transactional
	public DormancyView confirmSunset(Viewer viewer, long partnerId, String reason) {
		requirePam(viewer, partnerId);
		var sequence = this.sequences.open(partnerId)
			.filter(s -> s.status().equals("SUNSET_PROPOSED"))
			.orElseThrow(() -> InvalidInputException.of("partnerId",
					"sunset is proposed only after an unanswered sequence"));
		FreeText.required("reason", reason, FreeText.NOTE, "a reason is required to sunset a partner");
		this.partners.changeLifecycle(viewer, partnerId, LifecycleStatus.SUNSET, reason);
		this.sequences.end(sequence.id(), "SUNSET", this.clock.instant());
		return view(viewer, partnerId);
	}

	private StallDiagnosis.Diagnosis diagnose(long partnerId) {
		Instant since = this.clock.instant().minus(Duration.ofDays(180));
		long[] closed = this.outcomes.closedSince(partnerId, since);
		long rejected = this.registrations.rejectedSince(partnerId, since);
		long[] tracks = this.enablement.trackSummary(partnerId);
		return StallDiagnosis.diagnose(new StallDiagnosis.Evidence(rejected + closed[1], closed[0], tracks[0],
				tracks[1], this.incentives.programsExist(), this.incentives.hasEarnings(partnerId)));
	}

	private void requirePam(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin runs re-engagement");
		}
	}

	private LocalDate today() {
		return this.calendar.today();
	}

}
