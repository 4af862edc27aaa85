package com.trellis.readiness;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.deals.PartnerOutcomes;
import com.trellis.identity.Viewer;
import com.trellis.maturity.MaturityAssessments;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readiness module's facade. A partner user submits its own partner's assessment and
 * uploads its material; the partner's PAM (or an admin) accepts or returns each version
 * and rates the material; vendor staff who may see the partner read it; another partner's
 * is 404. {@link #validatedAsOf} gives the scoring module the accepted version as of a
 * moment, without look-ahead.
 */
@Service
public class ReadinessAssessments {

	private final ReadinessRepository repository;

	private final Partners partners;

	private final PartnerOutcomes outcomes;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	private final long maxUploadBytes;

	private final MaturityAssessments maturity;

	private final com.trellis.shared.BusinessCalendar calendar;

	ReadinessAssessments(ReadinessRepository repository, Partners partners, PartnerOutcomes outcomes, AuditLog audit,
			Commands commands, Clock clock, @Value("${trellis.readiness.max-upload-bytes:1048576}") long maxUploadBytes,
			MaturityAssessments maturity, com.trellis.shared.BusinessCalendar calendar) {
		this.maturity = maturity;
		this.calendar = calendar;
		this.repository = repository;
		this.partners = partners;
		this.outcomes = outcomes;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
		this.maxUploadBytes = maxUploadBytes;
	}

	@Transactional(readOnly = true)
	public ReadinessView view(Viewer viewer, long partnerId) {
		var partner = this.partners.get(viewer, partnerId);
		var won = won(partnerId, null);
		var now = this.clock.instant().plusNanos(1000);
		return new ReadinessView(partnerId, partner.name(), this.repository.versions(partnerId, won.keySet()),
				this.repository.materials(partnerId),
				validatedAsOf(partnerId, now)
					.map(v -> v.worded(com.trellis.shared.Reading.locale(this.calendar.locale())))
					.orElse(null),
				this.maturity.latestOfPartner(partnerId, now).orElse(null));
	}

	/**
	 * Only a user of the partner itself fills in its assessment (403 else, 404 for
	 * another partner).
	 */
	public void requireFillsIn(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!viewer.isPartnerUser()) {
			throw new AccessDeniedException("The partner fills in its own readiness assessment");
		}
	}

	/**
	 * The partner's PAM or an admin decides and rates (404 when the partner is not
	 * visible).
	 */
	/**
	 * Whether the viewer validates the partner's assessment and rates its material (its
	 * PAM or a program admin), so that a page offers those forms to them alone.
	 */
	public boolean validates(Viewer viewer, long partnerId) {
		return this.partners.manages(viewer, partnerId);
	}

	public void requireValidates(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin validates its assessment");
		}
	}

	/**
	 * A new version, submitted for the PAM's validation; 409 while one awaits a decision.
	 */
	@Transactional
	public AssessmentView submit(Viewer viewer, long partnerId, AssessmentCommand command) {
		return submit(viewer, partnerId, command, List.of());
	}

	/**
	 * Submits with the errors a page form found reading its fields: those, every field
	 * the bean validation refuses and every bad proof are reported together, in one
	 * answer.
	 */
	@Transactional
	AssessmentView submit(Viewer viewer, long partnerId, AssessmentCommand command,
			List<InvalidInputException.FieldError> formErrors) {
		requireFillsIn(viewer, partnerId);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		// the state first: the form is not offered while a version awaits the PAM, so its
		// field errors would be shown nowhere (try69)
		if (this.repository.awaitsDecision(partnerId)) {
			throw new ConflictException("status", "a submitted version awaits the PAM's decision");
		}
		var errors = new ArrayList<>(formErrors);
		try {
			this.commands.check(command);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		var won = won(partnerId, null).keySet();
		errors.addAll(ProofCheck.errors("useCases", command.useCases(), won, true));
		errors.addAll(ProofCheck.errors("specialisations", command.specialisations(), won, false));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int version = this.repository.lastVersion(partnerId) + 1;
		try {
			this.repository.insert(partnerId, version, command, viewer.userId(), this.clock.instant());
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// the same form sent twice at once: the second is told why, by field (try71b:
			// a 409 that named nothing)
			throw new ConflictException("status", "a submitted version awaits the PAM's decision");
		}
		this.audit.record(viewer.actor(), "readiness-assessment", partnerId, "submit", null,
				Map.of("version", version));
		return this.repository.versions(partnerId, won).get(0);
	}

	/** The PAM accepts the version awaiting a decision, or returns it with a comment. */
	@Transactional
	public AssessmentView decide(Viewer viewer, long partnerId, AssessmentDecision decision) {
		requireValidates(viewer, partnerId);
		if (decision == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var awaiting = this.repository.awaitingVersion(partnerId);
		var comment = decision.comment() == null ? null : decision.comment().strip();
		// bad input is 400 whatever the state, naming the state with it (try70a: with
		// nothing awaiting, the page hid the form that would show the input's errors)
		ConflictException.afterInput(() -> {
			this.commands.check(decision);
			if (!decision.accept() && (comment == null || comment.isEmpty())) {
				throw InvalidInputException.of("comment", "say what the partner should change when returning it");
			}
		}, awaiting.isEmpty() ? new ConflictException("status", "no submitted version awaits a decision") : null);
		int version = awaiting.get();
		if (decision.version() != null && decision.version().longValue() != version) {
			throw new ConflictException("version",
					"version " + version + " awaits a decision, not version " + decision.version()
							+ " that was read: the partner submitted again; read version " + version + " first");
		}
		if (this.repository.decide(partnerId, version, decision.accept(), comment, viewer.userId(),
				this.clock.instant()) == 0) {
			throw new ConflictException("status", "the version was decided meanwhile");
		}
		this.audit.record(viewer.actor(), "readiness-assessment", partnerId, decision.accept() ? "accept" : "return",
				Map.of("version", version), comment == null ? Map.of() : Map.of("comment", comment));
		return this.repository.versions(partnerId, won(partnerId, null).keySet()).get(0);
	}

	/**
	 * Stores an uploaded go-to-market file after {@link MaterialCheck}; refused naming
	 * {@code file}.
	 */
	@Transactional
	public MaterialView upload(Viewer viewer, long partnerId, String fileName, String contentType, byte[] content) {
		requireFillsIn(viewer, partnerId);
		var verdict = MaterialCheck.check(fileName, contentType, content, this.maxUploadBytes);
		if (!verdict.taken()) {
			throw InvalidInputException.of("file", verdict.reason());
		}
		long id = this.repository.addMaterial(partnerId, fileName.strip(), verdict.contentType(), content,
				viewer.userId(), this.clock.instant());
		this.audit.record(viewer.actor(), "readiness-material", id, "upload", null,
				Map.of("partnerId", partnerId, "file", fileName.strip(), "bytes", content.length));
		return this.repository.materials(partnerId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

	/** A file's name, content type and bytes, for those who may see the partner. */
	@Transactional(readOnly = true)
	public Object[] material(Viewer viewer, long partnerId, long materialId) {
		this.partners.get(viewer, partnerId);
		return this.repository.content(partnerId, materialId)
			.orElseThrow(() -> new NotFoundException("material", materialId));
	}

	@Transactional
	public MaterialView rate(Viewer viewer, long partnerId, long materialId, Integer rating) {
		requireValidates(viewer, partnerId);
		if (rating == null || rating < 1 || rating > 5) {
			throw InvalidInputException.of("rating", "must be 1 to 5");
		}
		if (this.repository.rate(partnerId, materialId, rating, viewer.userId(), this.clock.instant()) == 0) {
			throw new NotFoundException("material", materialId);
		}
		this.audit.record(viewer.actor(), "readiness-material", materialId, "rate", null, Map.of("rating", rating));
		return this.repository.materials(partnerId)
			.stream()
			.filter(m -> m.id() == materialId)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The version the PAM had accepted before {@code end}, rated from what was known
	 * then: proof deals won before {@code end}, material uploaded and rated before it.
	 * Empty when none was accepted by then.
	 */
	@Transactional(readOnly = true)
	public Optional<ValidatedAssessment> validatedAsOf(long partnerId, Instant end) {
		var won = won(partnerId, end).keySet();
		return this.repository.acceptedBefore(partnerId, end, won)
			.map(a -> validated(a, this.repository.averageRating(partnerId, end)));
	}

	/**
	 * Every partner's version its PAM had accepted before {@code end}, rated as
	 * {@link #validatedAsOf(long, Instant)} rates it, read in a few queries for all
	 * partners at once (the scoring module's daily run). Partners without one are absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, ValidatedAssessment> validatedAsOf(Instant end) {
		var proofs = this.repository.proofDealsAcceptedBefore(end);
		var won = new java.util.HashMap<Long, Long>();
		for (var deal : this.outcomes.wonDeals(proofs)) {
			if (deal.partnerId() != null && deal.closedAt() != null && deal.closedAt().isBefore(end)) {
				won.put(deal.id(), deal.partnerId());
			}
		}
		var ratings = this.repository.averageRatings(end);
		var result = new java.util.HashMap<Long, ValidatedAssessment>();
		for (var a : this.repository.acceptedBefore(end, won)) {
			result.put(a.partnerId(), validated(a, ratings.get(a.partnerId())));
		}
		return result;
	}

	private static ValidatedAssessment validated(AssessmentView a, Double materialRating) {
		var rating = AssessmentRating.rate(new AssessmentRating.Facts(a.icpDefinition(),
				(int) a.useCases().stream().filter(AssessmentView.Item::proven).count(),
				(int) a.useCases().stream().filter(i -> !i.proven()).count(), a.salesProcess(), a.packagedOffers(),
				materialRating, (int) a.specialisations().stream().filter(AssessmentView.Item::proven).count(),
				a.deliveryStaff()));
		return new ValidatedAssessment(a.partnerId(), a.version(), a.decidedAt(), rating.points(),
				"version " + a.version() + ": " + rating.reason());
	}

	/** The partner's won deals (closed before {@code end} when given), by id. */
	private Map<Long, Instant> won(long partnerId, Instant end) {
		var won = new java.util.HashMap<Long, Instant>();
		for (var deal : this.outcomes.wonDeals(partnerId)) {
			if (end == null || (deal.closedAt() != null && deal.closedAt().isBefore(end))) {
				won.put(deal.id(), deal.closedAt());
			}
		}
		return won;
	}

}
