package com.trellis.adoption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.accounts.AccountView;
import com.trellis.accounts.Accounts;
import com.trellis.deals.DealSource;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the pipeline review reads (issue 15): its 100 deals closing soonest without a
 * count (an admin's review counted, then sorted, every open deal of every rep, ~210,000
 * on the large data), and the partners who could help for all of its industries in one
 * read (it was one statement per industry), each deal given its own industry's partners.
 */
class AdoptionReviewReadsTest {

	private final Users users = mock(Users.class);

	private final Deals deals = mock(Deals.class);

	private final Accounts accounts = mock(Accounts.class);

	private final AdoptionRepository repository = mock(AdoptionRepository.class);

	private final CouldHelp couldHelp = mock(CouldHelp.class);

	private final Adoption adoption = new Adoption(this.repository, this.couldHelp, this.users, this.deals,
			this.accounts, null, null, null, Clock.systemUTC(), null, null);

	@Test
	void theReviewReadsItsDealsInOrderWithoutACountAndAsksForEveryIndustryOnce() {
		var admin = new Viewer(1, "admin", Role.ADMIN, null);
		when(this.users.withRole(Role.AE))
			.thenReturn(List.of(new UserSummary(7, "rep@example.test", "Rep", Role.AE, null, "East", null, null)));
		var deals = List.of(deal(11, 101, null), deal(12, 102, null), deal(13, 103, null), deal(14, 104, 5L));
		when(this.deals.firstOpenOwnedBy(admin, List.of(7L), Adoption.REVIEWED)).thenReturn(deals);
		when(this.accounts.profiles(anyCollection()))
			.thenReturn(Map.of(101L, account(101, "Retail"), 102L, account(102, "Energy"), 103L, account(103, null)));
		when(this.repository.prompted(anyCollection())).thenReturn(Set.of(12L));
		var retail = List.<Map<String, Object>>of(Map.of("partnerId", 1L, "name", "A", "wins", 4L));
		var energy = List.<Map<String, Object>>of(Map.of("partnerId", 2L, "name", "B", "wins", 0L));
		when(this.couldHelp.byIndustry(anyCollection(), anyInt()))
			.thenReturn(Map.of("Retail", retail, "Energy", energy));

		var lines = this.adoption.pipelineReview(admin);

		// the review's 100 deals closing soonest, read in that order without a count
		verify(this.deals, times(1)).firstOpenOwnedBy(admin, List.of(7L), Adoption.REVIEWED);
		verify(this.deals, times(0)).searchOwnedBy(any(), any(), any(), any());
		verify(this.couldHelp, times(1)).byIndustry(anyCollection(), eq(3));
		assertThat(lines).extracting(Adoption.ReviewLine::couldHelp)
			.containsExactly(retail, energy, List.of(), List.of());
		assertThat(lines).extracting(Adoption.ReviewLine::prompted).containsExactly(false, true, false, false);
		assertThat(lines).extracting(Adoption.ReviewLine::partnerEngaged).containsExactly(false, false, false, true);
	}

	private static OpportunityView deal(long id, long account, Long partner) {
		return new OpportunityView(id, account, "Account " + account, "Deal " + id, new BigDecimal("1000.00"), "USD",
				Stage.QUALIFIED, LocalDate.of(2026, 12, 20), 7,
				partner == null ? DealSource.DIRECT : DealSource.PARTNER, partner, null, null,
				Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), null, false);
	}

	private static AccountView account(long id, String industry) {
		return new AccountView(id, "Account " + id, null, industry, null, null, Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
