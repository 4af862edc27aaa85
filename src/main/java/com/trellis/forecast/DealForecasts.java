package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.tiers.PartnerTiers;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * One open deal's forecast and its commit call, for {@link Forecasts}: the deal's
 * probability to win (a fraction from 0 to 1) and the days expected in its stage, from
 * the live model ({@link LiveModel}) of its group (direct, or the partner's tier on the
 * day the deal was created), its expected close date and forecast category; and the
 * owner's (or their manager's) commit call. A partner user gets 403, a deal the viewer
 * cannot see 404, a closed deal 400 naming {@code opportunityId}. Split from
 * {@link Forecasts}.
 */
@Component
class DealForecasts {

	private final ForecastRepository forecasts;

	private final ForecastModel model;

	private final LiveModel live;

	private final Deals deals;

	private final Partners partners;

	private final PartnerTiers tiers;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final BusinessCalendar calendar;

	DealForecasts(ForecastRepository forecasts, ForecastModel model, LiveModel live, Deals deals, Partners partners,
			PartnerTiers tiers, Users users, AuditLog audit, Clock clock, BusinessCalendar calendar) {
		this.forecasts = forecasts;
		this.model = model;
		this.live = live;
		this.deals = deals;
		this.partners = partners;
		this.tiers = tiers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** See {@link Forecasts#of}. */
	DealForecast of(Viewer viewer, long opportunityId) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("The forecast is for vendor staff");
		}
		var deal = this.deals.get(viewer, opportunityId);
		if (deal.stage().isClosed()) {
			throw InvalidInputException.of("opportunityId", "the deal is closed");
		}
		var group = deal.partnerId() == null ? "DIRECT"
				: "PARTNER:" + this.tiers
					.tierOn(deal.partnerId(), this.calendar.dayOf(deal.createdAt()),
							this.partners.get(viewer, deal.partnerId()).tier())
					.name();
		var probability = this.live.probabilities().get(deal.stage().name()).get(group);
		var norms = this.live.norms();
		var norm = norms.get(deal.stage().name()).get(group);
		var today = this.calendar.today();
		var later = this.model.later(norms, this.live.paths(), deal.stage(), group);
		var expected = ExpectedClose.of(today, this.calendar.dayOf(deal.stageEnteredAt()), norm.days(), later.days(),
				deal.closeDate());
		boolean called = this.forecasts.called(opportunityId);
		var category = called ? "COMMIT"
				: probability.probability().compareTo(new BigDecimal("0.5")) >= 0 ? "BEST_CASE" : "PIPELINE";
		return new DealForecast(opportunityId, deal.stage().name(), group, probability.probability(),
				probability.basis(), norm.days(), norm.basis(), expected.date(), expected.reason(), later.basis(),
				category, this.calendar.quarterOf(expected.date()).label());
	}

	/** See {@link Forecasts#requireCalls}. */
	void requireCalls(Viewer viewer, long opportunityId) {
		requireCalls(viewer, this.deals.get(viewer, opportunityId));
	}

	private void requireCalls(Viewer viewer, OpportunityView deal) {
		boolean owner = viewer.is(Role.AE, Role.SALES_MANAGER) && (deal.ownerId() == viewer.userId()
				|| this.users.reportsOf(viewer.userId()).contains(deal.ownerId()));
		if (!owner) {
			throw new AccessDeniedException("Commit is the deal owner's call");
		}
	}

	/** See {@link Forecasts#call}. */
	void call(Viewer viewer, long opportunityId, boolean commit) {
		var deal = this.deals.get(viewer, opportunityId);
		requireCalls(viewer, deal);
		if (deal.stage().isClosed()) {
			throw new ConflictException("opportunityId", "the deal is closed; commit is called on open deals only");
		}
		if (commit) {
			this.forecasts.call(opportunityId, viewer.userId(), this.clock.instant());
		}
		else {
			this.forecasts.uncall(opportunityId);
		}
		this.audit.record(viewer.actor(), "opportunity", opportunityId, commit ? "called commit" : "commit withdrawn",
				null, null);
	}

}
