package com.trellis.handover;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.leads.Leads;
import com.trellis.partners.Partners;
import com.trellis.plans.PlanHandover;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a leaver's work over in one transaction: their accounts, open deals, leads with
 * them, partner book and direct reports move to the receivers the {@link HandoverPlan}
 * accepts, through each owning module's facade, with one audit entry that counts what
 * moved and where.
 */
@Service
public class Handover {

	private final Users users;

	private final Accounts accounts;

	private final Deals deals;

	private final Leads leads;

	private final Partners partners;

	private final AuditLog audit;

	private final PlanHandover plans;

	Handover(Users users, Accounts accounts, Deals deals, Leads leads, Partners partners, AuditLog audit,
			PlanHandover plans) {
		this.plans = plans;
		this.users = users;
		this.accounts = accounts;
		this.deals = deals;
		this.leads = leads;
		this.partners = partners;
		this.audit = audit;
	}

	/** How much of each kind of work a user holds. */
	@Transactional(readOnly = true)
	public Map<Kind, Long> held(Viewer viewer, long userId) {
		requireAdmin(viewer);
		this.users.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
		return held(userId);
	}

	@Transactional
	public Result handOver(Viewer viewer, long userId, HandoverCommand command) {
		requireAdmin(viewer);
		// one hand-over of a user's work at a time: a second one sent meanwhile waits,
		// then
		// finds what is left (try84: it answered 200 and audited a hand-over of nothing)
		var leaver = this.users.findLocked(userId).orElseThrow(() -> new NotFoundException("User", userId));
		var held = held(userId);
		var decision = allowed(userId, held, command);
		Map<Kind, Moved> moved = new EnumMap<>(Kind.class);
		decision.moves().forEach((kind, receiver) -> {
			var ids = switch (kind) {
				case ACCOUNTS -> this.accounts.handOver(viewer, userId, receiver.id());
				case DEALS -> this.deals.handOverOpen(viewer, userId, receiver.id());
				case LEADS -> this.leads.handOverRouted(viewer, userId, receiver.id());
				case PARTNERS -> this.partners.handOverBook(viewer, userId, receiver.id());
				case REPORTS -> this.users.handOverReports(viewer, userId, receiver.id());
				case PLANS -> this.plans.handOverOpen(viewer, userId, receiver.id());
			};
			moved.put(kind, new Moved(receiver.id(), receiver.name(), ids.size(), ids));
		});
		if (!moved.isEmpty()) {
			Map<String, Object> before = new LinkedHashMap<>();
			held.forEach((kind, count) -> before.put(kind.name().toLowerCase(), count));
			var summary = new StringBuilder("work of " + leaver.displayName() + " handed over:");
			moved.forEach((kind, m) -> summary.append(" ")
				.append(kind.counted(m.count()))
				.append(" to ")
				.append(m.toName())
				.append(";"));
			this.audit.record(viewer.actor(), "user", userId, summary.substring(0, summary.length() - 1),
					Map.of("held", before), Map.of("moved", moved));
		}
		return new Result(userId, moved);
	}

	/**
	 * Runs the checks of {@link #handOver} without moving anything, so that a page form
	 * can name every bad field at once, also when some of its fields could not be read.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, long userId, HandoverCommand command) {
		requireAdmin(viewer);
		this.users.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
		allowed(userId, held(userId), command);
	}

	/** The plan of the hand-over, refused with every bad field when it cannot be done. */
	private HandoverPlan.Decision allowed(long userId, Map<Kind, Long> held, HandoverCommand command) {
		Map<Kind, HandoverPlan.Receiver> perKind = new EnumMap<>(Kind.class);
		for (var kind : Kind.values()) {
			var id = command.receiverOf(kind);
			if (id != null) {
				perKind.put(kind, receiver(id));
			}
		}
		var everything = command.toUserId() == null ? null : receiver(command.toUserId());
		var decision = HandoverPlan.decide(userId, held, everything, perKind,
				java.util.Set.copyOf(this.users.reportsOf(userId)));
		if (!decision.allowed()) {
			List<FieldError> errors = new ArrayList<>();
			decision.refusals().forEach(r -> errors.add(new FieldError(r.field(), r.reason())));
			throw new InvalidInputException(errors);
		}
		return decision;
	}

	/** What the user holds, without the admin's check: {@link HandoverWorkHeld}. */
	Map<Kind, Long> heldBy(long userId) {
		return held(userId);
	}

	private Map<Kind, Long> held(long userId) {
		Map<Kind, Long> held = new EnumMap<>(Kind.class);
		held.put(Kind.ACCOUNTS, this.accounts.countOwnedBy(userId));
		held.put(Kind.DEALS, this.deals.countOpenOwnedBy(userId));
		held.put(Kind.LEADS, this.leads.countRoutedTo(userId));
		held.put(Kind.PARTNERS, (long) this.partners.book(userId).size());
		held.put(Kind.REPORTS, (long) this.users.directReportsOf(userId).size());
		held.put(Kind.PLANS, this.plans.countOpenOwnedBy(userId));
		return held;
	}

	private HandoverPlan.Receiver receiver(long id) {
		var user = this.users.find(id).orElse(null);
		if (user == null) {
			return HandoverPlan.Receiver.unknown(id);
		}
		return new HandoverPlan.Receiver(id, user.displayName(), user.role(), this.users.findEnabled(id).isPresent(),
				true);
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin hands over a user's work");
		}
	}

	/** What moved of one kind, and to whom. */
	public record Moved(long toUserId, String toName, int count, List<Long> ids) {
	}

	/** What moved, by kind; kinds the user held none of are left out. */
	public record Result(long userId, Map<Kind, Moved> moved) {
	}

}
