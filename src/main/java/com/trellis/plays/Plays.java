package com.trellis.plays;

import java.time.Clock;
import java.util.List;

import com.trellis.activity.Activity;
import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plays module's facade. Program admins write the library (an edit is a new version);
 * everyone signed in reads it. A play is attached to an open deal by the deal's owner (or
 * the owner's managers, or an admin), the PAM of the deal's partner, or a user of that
 * partner; the use keeps the version attached and is recorded as the partner's activity:
 * {@code PLAY_USED} when the play was among those recommended for the deal
 * ({@link PlayRecommendations}) as it was attached, which scoring counts as use of
 * recommended plays, {@code OTHER_PLAY_USED} otherwise.
 */
@Service
public class Plays {

	/**
	 * The activity type a use of a play recommended for the deal is recorded under (the
	 * scoring signal "use of recommended plays" counts it).
	 */
	public static final String PLAY_USED = "PLAY_USED";

	/** The activity type a use of any other play is recorded under. */
	public static final String OTHER_PLAY_USED = "OTHER_PLAY_USED";

	private final PlayRepository plays;

	private final PlayCheck check;

	private final Deals deals;

	private final Partners partners;

	private final Activity activity;

	private final AuditLog audit;

	private final Commands commands;

	private final PlayRecommendations recommendations;

	private final Clock clock;

	Plays(PlayRepository plays, PlayCheck check, Deals deals, Partners partners, Activity activity, AuditLog audit,
			Commands commands, PlayRecommendations recommendations, Clock clock) {
		this.recommendations = recommendations;
		this.plays = plays;
		this.check = check;
		this.deals = deals;
		this.partners = partners;
		this.activity = activity;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<PlayView> library() {
		return this.plays.library();
	}

	/**
	 * The library's plays whose title holds {@code q} (any case), of the moment and for
	 * the role given; null or blank leaves that filter out. A {@code q} over
	 * {@value com.trellis.shared.ListSearch#MAX} characters is refused naming it.
	 */
	@Transactional(readOnly = true)
	public List<PlayView> library(String q, SalesMoment moment, PlayRole role) {
		return this.plays.library(com.trellis.shared.ListSearch.text("q", q), moment, role);
	}

	@Transactional(readOnly = true)
	public PlayView get(long playId) {
		return this.plays.current(playId).orElseThrow(() -> new NotFoundException("Play", playId));
	}

	@Transactional(readOnly = true)
	public List<PlayView> versions(long playId) {
		var versions = this.plays.versions(playId);
		if (versions.isEmpty()) {
			throw new NotFoundException("Play", playId);
		}
		return versions;
	}

	@Transactional
	public PlayView create(Viewer viewer, PlayCommand command) {
		return create(viewer, command, PlayCheck.Naming.CODES);
	}

	/** Writes a play; its errors name the choices as the caller's reader knows them. */
	@Transactional
	PlayView create(Viewer viewer, PlayCommand command, PlayCheck.Naming naming) {
		requireWrites(viewer);
		var written = this.check.check(command, naming);
		var now = this.clock.instant();
		long id = this.plays.create(viewer.userId(), now);
		this.plays.writeVersion(id, 1, written, viewer.userId(), now);
		var created = get(id);
		this.audit.record(viewer.actor(), "play", id, "created", null, created);
		return created;
	}

	/**
	 * Writes the next version of the play; uses of earlier versions keep theirs. A
	 * revision identical to the current version writes nothing (no version, no audit
	 * entry) and answers the current version.
	 */
	@Transactional
	public PlayView revise(Viewer viewer, long playId, PlayCommand command) {
		return revise(viewer, playId, command, PlayCheck.Naming.CODES);
	}

	@Transactional
	PlayView revise(Viewer viewer, long playId, PlayCommand command, PlayCheck.Naming naming) {
		requireWrites(viewer);
		var before = get(playId);
		var written = this.check.check(command, naming);
		int next = this.plays.lockForEdit(playId).orElseThrow(() -> new NotFoundException("Play", playId));
		var current = get(playId);
		if (written.sameAs(current)) {
			return current;
		}
		this.plays.writeVersion(playId, next, written, viewer.userId(), this.clock.instant());
		var after = get(playId);
		this.audit.record(viewer.actor(), "play", playId, "revised", before, after);
		return after;
	}

	/**
	 * Attaches the play's current version to the deal. Who may is decided first
	 * ({@link #requireAttaches}), then the input, then the deal's state.
	 */
	@Transactional
	public PlayUse attach(Viewer viewer, long opportunityId, AttachPlay command) {
		var deal = requireAttaches(viewer, opportunityId);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		var play = this.plays.current(command.playId())
			.orElseThrow(() -> InvalidInputException.of("playId", "no play with id " + command.playId()));
		if (deal.stage().isClosed()) {
			throw InvalidInputException.of("opportunityId",
					"the deal is " + deal.stage().label().toLowerCase() + "; plays are attached to open deals");
		}
		if (deal.partnerId() == null) {
			throw InvalidInputException.of("opportunityId",
					"the deal has no partner; put a partner on it before attaching a play");
		}
		var note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		var recommended = this.recommendations.recommends(viewer, opportunityId, play.id());
		var now = this.clock.instant();
		if (!this.plays.use(play.id(), play.version(), opportunityId, deal.partnerId(), viewer.userId(), now, note)) {
			throw new ConflictException("playId", "this play is on the deal already");
		}
		this.activity.record(deal.partnerId(), viewer.userId(), recommended.isPresent() ? PLAY_USED : OTHER_PLAY_USED,
				recommended
					.map(r -> "Used recommended play: " + play.title() + " on " + deal.name() + " (" + r.reason() + ")")
					.orElse("Used play (not recommended for the deal): " + play.title() + " on " + deal.name()));
		var use = this.plays.usesOfDeal(opportunityId, null)
			.stream()
			.filter(u -> u.playId() == play.id())
			.findFirst()
			.orElseThrow();
		this.audit.record(viewer.actor(), "play-use", use.id(), "attached", null, use);
		return use;
	}

	/** The plays used on a deal the viewer sees (404 otherwise), a partner user's own. */
	@Transactional(readOnly = true)
	public List<PlayUse> usesOfDeal(Viewer viewer, long opportunityId) {
		this.deals.get(viewer, opportunityId);
		return this.plays.usesOfDeal(opportunityId, viewer.scopePartnerId());
	}

	/** A deal the viewer sees (404 otherwise). */
	@Transactional(readOnly = true)
	OpportunityView deal(Viewer viewer, long opportunityId) {
		return this.deals.get(viewer, opportunityId);
	}

	/** The version of a play a deal used, as it was then. */
	@Transactional(readOnly = true)
	public PlayView version(long playId, int version) {
		return this.plays.versionOf(playId, version).orElseThrow(() -> new NotFoundException("Play version", version));
	}

	/**
	 * Refuses a viewer who may not attach plays to the deal: 404 when they cannot see it
	 * (a partner user another partner's deal), 403 unless they are its owner (or the
	 * owner's manager, or an admin), the PAM of its partner, or a user of its partner.
	 */
	@Transactional(readOnly = true)
	public OpportunityView requireAttaches(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		if (!attaches(viewer, deal)) {
			throw new AccessDeniedException(
					"Only the deal's owner, the PAM of its partner or the partner's own users attach plays to it");
		}
		return deal;
	}

	/** Whether the viewer may attach plays to the deal (which they see). */
	public boolean attaches(Viewer viewer, OpportunityView deal) {
		if (viewer.isPartnerUser()) {
			return deal.partnerId() != null && deal.partnerId().equals(viewer.scopePartnerId());
		}
		if (this.deals.canEdit(viewer, deal)) {
			return true;
		}
		return viewer.is(Role.PAM) && deal.partnerId() != null && this.partners.manages(viewer, deal.partnerId());
	}

	private static void requireWrites(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin writes plays");
		}
	}

}
