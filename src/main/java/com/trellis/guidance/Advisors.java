package com.trellis.guidance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.trellis.activation.ActivationPlans;
import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.process.OpenChecklists;
import com.trellis.process.SalesProcess;
import com.trellis.registration.Registrations;
import com.trellis.scoring.HighPotentialLine;
import com.trellis.scoring.PartnerIntelligence;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.tiers.PartnerTiers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Reads each person's records through the owning modules' facades, as that person may see
 * them, and asks the rules what to recommend: at most {@value #PER_KIND} of each kind per
 * person.
 */
@Component
class Advisors {

	static final int PER_KIND = 5;

	private static final PageRequest FEW = PageRequest.of(0, PER_KIND);

	private final PartnerIntelligence intelligence;

	private final PartnerTiers tiers;

	private final ActivationPlans activation;

	private final SalesProcess process;

	private final OpenChecklists checklists;

	private final Registrations registrations;

	private final Partners partners;

	private final Users users;

	private final BusinessCalendar calendar;

	private final RuleReads reads;

	private final SimilarPartners similar;

	private final ProgramIcp icp;

	private final FitReads fits;

	private final int threads;

	Advisors(PartnerIntelligence intelligence, PartnerTiers tiers, ActivationPlans activation, SalesProcess process,
			OpenChecklists checklists, Registrations registrations, Partners partners, Users users,
			BusinessCalendar calendar, RuleReads reads, SimilarPartners similar, ProgramIcp icp, FitReads fits,
			@Value("${trellis.guidance.run-threads:4}") int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("trellis.guidance.run-threads must be 1 or more, was " + threads);
		}
		this.threads = threads;
		this.icp = icp;
		this.fits = fits;
		this.reads = reads;
		this.similar = similar;
		this.intelligence = intelligence;
		this.tiers = tiers;
		this.activation = activation;
		this.process = process;
		this.checklists = checklists;
		this.registrations = registrations;
		this.partners = partners;
		this.users = users;
		this.calendar = calendar;
	}

	/**
	 * Every enabled person's advice, by user id, in the order admins, PAMs, executives,
	 * reps, partner users. Each person's (or partner's) reads are independent, so they
	 * run on {@code trellis.guidance.run-threads} threads at once (default 4; the reads
	 * wait on the database far more than they compute); the first failure is thrown.
	 */
	Map<Long, List<Advice>> everyone() {
		var program = new Viewer(0, "Guidance", Role.ADMIN, null);
		var icp = this.icp.current();
		var highPotential = this.intelligence.highPotential(program);
		var stalling = this.similar.stallingRule(program);
		var drifting = this.intelligence.drifting(program)
			.stream()
			.map(l -> Map.entry(l.partnerId(), stalling.apply(l)))
			.filter(e -> e.getValue().isPresent())
			.map(e -> Map.entry(e.getKey(), e.getValue().get()))
			.toList();
		var work = new ArrayList<Reads>();
		for (var admin : this.users.withRole(Role.ADMIN)) {
			work.add(new Reads(List.of(admin.id()), () -> pam(null, highPotential, drifting)));
		}
		for (var pam : this.users.withRole(Role.PAM)) {
			work.add(new Reads(List.of(pam.id()), () -> {
				var viewer = viewer(pam);
				var book = this.partners.book(pam.id());
				var advice = pam(new HashSet<>(book), highPotential, drifting);
				advice.addAll(expiring(viewer, null, true));
				advice.addAll(stalled(() -> this.process.stalledOfPartners(viewer, book, FEW).items()));
				advice.addAll(this.reads.icpMismatches(viewer, icp, RuleReads.DealScope.ofPartners(book), PER_KIND));
				return advice;
			}));
		}
		for (var executive : this.users.withRole(Role.EXECUTIVE)) {
			work.add(new Reads(List.of(executive.id()), () -> executive(pam(null, highPotential, drifting))));
		}
		for (var role : List.of(Role.AE, Role.SALES_MANAGER)) {
			for (var rep : this.users.withRole(role)) {
				work.add(new Reads(List.of(rep.id()), () -> {
					var viewer = viewer(rep);
					var team = team(rep);
					var advice = new ArrayList<Advice>(
							stalled(() -> this.process.stalledOwnedBy(viewer, team, FEW).items()));
					advice.addAll(exitCriteria(rep, team));
					advice.addAll(this.reads.icpMismatches(viewer, icp, RuleReads.DealScope.ownedBy(team), PER_KIND));
					advice.addAll(this.fits.partnerFits(viewer, PER_KIND));
					return advice;
				}));
			}
		}
		this.users.withRole(Role.PARTNER)
			.stream()
			.filter(u -> u.partnerId() != null)
			.collect(Collectors.groupingBy(UserSummary::partnerId, LinkedHashMap::new, Collectors.toList()))
			.forEach((partnerId, people) -> work.add(new Reads(people.stream().map(UserSummary::id).toList(),
					() -> partner(viewer(people.get(0)), partnerId, icp))));
		return RunThreads.all(work, this.threads);
	}

	/** A partner's own advice, read as one of its users sees it. */
	List<Advice> partner(Viewer viewer, long partnerId) {
		return partner(viewer, partnerId, this.icp.current());
	}

	private List<Advice> partner(Viewer viewer, long partnerId, Icp icp) {
		var advice = new ArrayList<Advice>();
		PartnerRules.tierGap(this.tiers.card(viewer, partnerId)).ifPresent(advice::add);
		quietly(() -> PartnerRules.nextMilestone(this.activation.plan(viewer, partnerId))).ifPresent(advice::add);
		advice.addAll(expiring(viewer, partnerId, false));
		advice.addAll(stalled(() -> this.process.stalled(viewer, FEW).items()));
		this.reads.proofPoints(viewer, partnerId).ifPresent(advice::add);
		advice.addAll(this.reads.icpMismatches(viewer, icp, RuleReads.DealScope.VISIBLE, PER_KIND));
		return advice;
	}

	/**
	 * A PAM's (or, with no book, the program's) partners ready for a motion or stalling
	 * (the day's stalling advice by partner).
	 */
	private List<Advice> pam(java.util.Set<Long> book, List<HighPotentialLine> highPotential,
			List<Map.Entry<Long, Advice>> drifting) {
		var advice = new ArrayList<Advice>();
		highPotential.stream()
			.filter(l -> book == null || book.contains(l.partnerId()))
			.limit(PER_KIND)
			.forEach(l -> advice.add(PamRules.readyForIntroduction(l)));
		drifting.stream()
			.filter(e -> book == null || book.contains(e.getKey()))
			.limit(PER_KIND)
			.forEach(e -> advice.add(e.getValue()));
		return advice;
	}

	/**
	 * Whose deals a rep answers for: an AE's own; a sales manager's own and those of
	 * everyone below him.
	 */
	private List<Long> team(UserSummary rep) {
		var team = new ArrayList<Long>();
		team.add(rep.id());
		if (rep.role() == Role.SALES_MANAGER) {
			team.addAll(this.users.reportsOf(rep.id()));
		}
		return team;
	}

	/**
	 * Deals of the team waiting on exit criteria, read as each owner sees his own (the
	 * checklist is the stage owner's), at most {@value #PER_KIND}.
	 */
	private List<Advice> exitCriteria(UserSummary rep, List<Long> team) {
		var advice = new ArrayList<Advice>();
		var people = this.users.byIds(team);
		for (long id : team) {
			var owner = people.get(id);
			if (owner == null || advice.size() >= PER_KIND) {
				continue;
			}
			var asOwner = id == rep.id() ? viewer(rep) : viewer(owner);
			this.checklists.of(asOwner, PER_KIND - advice.size()).forEach(w -> advice.add(DealRules.exitCriteria(w)));
		}
		return advice;
	}

	/**
	 * The program's partner-level advice for an executive: the same partners as the
	 * admin's, each leading to the partner's scorecard, which an executive may open (the
	 * overlap matrix is the PAM's and admin's).
	 */
	private static List<Advice> executive(List<Advice> program) {
		return program.stream()
			.map(a -> new Advice(a.kind(), a.subject(), a.partnerId(), a.title(), a.reason(), "Open the scorecard",
					"/partners/" + a.partnerId() + "/scorecard", a.intervention()))
			.toList();
	}

	/**
	 * The approved registrations whose protection ends within the rule's days, soonest
	 * first, found in SQL among all the viewer's (a partner's own, a PAM's book), so none
	 * is missed however many registrations there are.
	 */
	private List<Advice> expiring(Viewer viewer, Long partnerId, boolean book) {
		var today = this.calendar.today();
		var zone = this.calendar.zone();
		return this.registrations
			.protectionEnding(viewer, partnerId, book, today.atStartOfDay(zone).toInstant(),
					today.plusDays(DealRules.EXPIRING_DAYS + 1).atStartOfDay(zone).toInstant(), PER_KIND)
			.stream()
			.map(r -> DealRules.expiring(r, today, this.calendar.zone()))
			.flatMap(Optional::stream)
			.limit(PER_KIND)
			.toList();
	}

	private List<Advice> stalled(Supplier<List<SalesProcess.Stalled>> read) {
		return quietly(() -> Optional.of(read.get())).orElse(List.of()).stream().map(DealRules::stalled).toList();
	}

	/** The rule's answer, or none when the viewer has no such record (no plan yet). */
	private static <T> Optional<T> quietly(Supplier<Optional<T>> read) {
		try {
			return read.get();
		}
		catch (NotFoundException | AccessDeniedException ex) {
			return Optional.empty();
		}
	}

	private static Viewer viewer(UserSummary user) {
		return new Viewer(user.id(), user.displayName(), user.role(), user.partnerId());
	}

}
