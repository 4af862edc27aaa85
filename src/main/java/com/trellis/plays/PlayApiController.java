package com.trellis.plays;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sales plays", description = "The play library, plays used on live deals and their effectiveness")
class PlayApiController {

	private final Plays plays;

	private final PlayEffects effects;

	private final PlayRecommendations recommendations;

	private final com.trellis.shared.BusinessCalendar calendar;

	PlayApiController(Plays plays, PlayEffects effects, PlayRecommendations recommendations,
			com.trellis.shared.BusinessCalendar calendar) {
		this.calendar = calendar;
		this.plays = plays;
		this.effects = effects;
		this.recommendations = recommendations;
	}

	@GetMapping("/api/v1/plays")
	List<PlayView> library() {
		return this.plays.library();
	}

	@GetMapping("/api/v1/plays/{id}")
	PlayView get(@PathVariable long id) {
		return this.plays.get(id);
	}

	@GetMapping("/api/v1/plays/{id}/versions")
	List<PlayView> versions(@PathVariable long id) {
		return this.plays.versions(id);
	}

	@PostMapping("/api/v1/plays")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PlayView create(Viewer viewer, @RequestBody PlayCommand command) {
		return this.plays.create(viewer, command);
	}

	@PutMapping("/api/v1/plays/{id}")
	@com.trellis.identity.ActsOn(PlayChecks.Existing.class)
	@PreAuthorize("hasRole('ADMIN')")
	PlayView revise(Viewer viewer, @PathVariable long id, @RequestBody PlayCommand command) {
		return this.plays.revise(viewer, id, command);
	}

	@GetMapping("/api/v1/plays/{id}/effectiveness")
	@PreAuthorize("!hasRole('PARTNER')")
	PlayEffectiveness.Result effectiveness(@PathVariable long id) {
		return this.effects.of(id).worded(com.trellis.shared.Reading.locale(this.calendar.locale()));
	}

	@GetMapping("/api/v1/opportunities/{id}/plays")
	List<PlayUse> usesOfDeal(Viewer viewer, @PathVariable long id) {
		return this.plays.usesOfDeal(viewer, id);
	}

	/**
	 * The plays that fit the deal's partner, customer and stage, not used on it yet, each
	 * with its reason (whoever sees the deal; a partner user only its own partner's).
	 */
	@GetMapping("/api/v1/opportunities/{id}/plays/recommended")
	List<RecommendedPlay> recommended(Viewer viewer, @PathVariable long id) {
		return this.recommendations.forDeal(viewer, id);
	}

	@PostMapping("/api/v1/opportunities/{id}/plays")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(PlayChecks.Attaches.class)
	PlayUse attach(Viewer viewer, @PathVariable long id, @RequestBody AttachPlay command) {
		return this.plays.attach(viewer, id, command);
	}

}
