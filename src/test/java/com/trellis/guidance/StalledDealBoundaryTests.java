package com.trellis.guidance;

import java.time.Duration;
import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.process.SalesProcess;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stalled means longer in the stage than its norm: a deal at the norm is on time on its
 * page, in the process's stalled list and in everyone's guidance; a day later it is
 * stalled in all three.
 */
@GuidanceRunTest
class StalledDealBoundaryTests {

	@Autowired
	Guidance guidance;

	@Autowired
	SalesProcess process;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	@Test
	void aDealInItsStageForExactlyTheNormIsNotStalledAndADayLaterItIs() {
		this.weeks.monday(8);
		var world = this.fixtures.world("Stage Norm Boundary");
		int norm = this.process.stages()
			.stream()
			.filter(s -> s.code() == Stage.QUALIFIED)
			.findFirst()
			.orElseThrow()
			.normDays();

		this.clock.advance(Duration.ofDays(norm).plusHours(1));
		this.guidance.runDaily();
		assertThat(this.process.of(world.ae(), world.dealId()).stalled()).as("the deal's page at the norm").isFalse();
		assertThat(listedAsStalled(world.dealId())).as("the stalled list at the norm").isEmpty();
		assertThat(stalledAdvice(world)).as("the AE's guidance at the norm").isEmpty();

		this.clock.advance(Duration.ofDays(1));
		this.guidance.runDaily();
		assertThat(this.process.of(world.ae(), world.dealId()).stalled()).isTrue();
		assertThat(listedAsStalled(world.dealId())).containsExactly((long) norm + 1);
		assertThat(stalledAdvice(world)).singleElement()
			.satisfies(r -> assertThat(r.reason()).startsWith(
					"Fixture deal has been " + (norm + 1) + " days in Qualified where the norm is " + norm + " days"));
	}

	/** The days in stage of the deal wherever the stalled list shows it. */
	private List<Long> listedAsStalled(long dealId) {
		var admin = this.fixtures.user(Role.ADMIN);
		var first = this.process.stalled(admin, PageRequest.of(0, 200));
		return java.util.stream.IntStream.range(0, first.totalPages())
			.mapToObj(page -> this.process.stalled(admin, PageRequest.of(page, 200)))
			.flatMap(result -> result.items().stream())
			.filter(s -> s.stalled().deal().id() == dealId)
			.map(s -> s.stalled().daysInStage())
			.toList();
	}

	private List<RecommendationView> stalledAdvice(Fixtures.World world) {
		return this.guidance.current(world.ae())
			.stream()
			.filter(r -> r.kind() == Kind.STALLED_DEAL && r.actionLink().equals("/opportunities/" + world.dealId()))
			.toList();
	}

}
