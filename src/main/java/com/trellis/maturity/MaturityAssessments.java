package com.trellis.maturity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.FreeText;
import com.trellis.shared.validation.TextRule;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maturity module's facade. The program's questionnaire is answered by a program
 * admin and read by admins, executives and PAMs. A partner's is answered by the partner's
 * own users, its PAM or an admin, and read by them and executives; another PAM is refused
 * (403), a user of another partner does not see it (404). Account executives and sales
 * managers have neither: what partners they should bring in is the deal page's partner
 * fit and the scorecard, not a self-assessment. Each submission is a new row, audited.
 */
@Service
public class MaturityAssessments {

	/** How long the same answers again count as a repeat of the latest assessment. */
	static final java.time.Duration REPEAT = java.time.Duration.ofMinutes(10);

	/** Assessments shown per subject, newest first. */
	static final int HISTORY = 12;

	private final MaturityRepository repository;

	private final Partners partners;

	private final AuditLog audit;

	private final Clock clock;

	MaturityAssessments(MaturityRepository repository, Partners partners, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	public Questionnaire questionnaire(Subject subject) {
		return Questionnaire.of(subject);
	}

	/** Admins, executives and PAMs read the program's assessment (403 else). */
	public void requireReadsProgram(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE, Role.PAM)) {
			throw new AccessDeniedException("Program admins, executives and PAMs read the program's maturity");
		}
	}

	/** Only a program admin answers for the program. */
	public void requireAnswersProgram(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("A program admin answers the program's maturity assessment");
		}
	}

	/**
	 * The partner's own users, its PAM, admins and executives read its assessment: 404
	 * when the partner is not visible, 403 for anyone else.
	 */
	public void requireReadsPartner(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!viewer.isPartnerUser() && !viewer.is(Role.EXECUTIVE) && !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("The partner, its PAM, admins and executives read its maturity");
		}
	}

	/**
	 * The partner's own users, its PAM or an admin answer for it: 404 when the partner is
	 * not visible, 403 for anyone else.
	 */
	public void requireAnswersPartner(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!viewer.isPartnerUser() && !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("The partner itself, its PAM or a program admin answers its assessment");
		}
	}

	@Transactional(readOnly = true)
	public MaturityHistory program(Viewer viewer) {
		requireReadsProgram(viewer);
		return history(Subject.PROGRAM, null, null);
	}

	@Transactional(readOnly = true)
	public MaturityHistory partner(Viewer viewer, long partnerId) {
		requireReadsPartner(viewer, partnerId);
		return history(Subject.PARTNER, partnerId, this.partners.get(viewer, partnerId).name());
	}

	/**
	 * How many partners' latest result is at each level: a PAM's book, or every partner
	 * for admins and executives.
	 */
	@Transactional(readOnly = true)
	public Map<Level, Long> partnersByLevel(Viewer viewer) {
		requireReadsProgram(viewer);
		var counts = this.repository.partnersByLevel(viewer.is(Role.PAM) ? this.partners.book(viewer.userId()) : null);
		var result = new LinkedHashMap<Level, Long>();
		for (var level : Level.values()) {
			result.put(level, counts.getOrDefault(level.number(), 0L));
		}
		return result;
	}

	/**
	 * Saves the program's assessment; {@code fromJson} when the answers came as a JSON
	 * body, where an answer in quotes ({@code "3"}) is refused naming it, as every number
	 * of the API is (a page form's answers are text).
	 */
	@Transactional
	public MaturityAssessment submitProgram(Viewer viewer, AnswersCommand command, boolean fromJson) {
		requireAnswersProgram(viewer);
		return submit(viewer, Subject.PROGRAM, null, command, fromJson);
	}

	/** Saves a partner's assessment; {@code fromJson} as for {@link #submitProgram}. */
	@Transactional
	public MaturityAssessment submitPartner(Viewer viewer, long partnerId, AnswersCommand command, boolean fromJson) {
		requireAnswersPartner(viewer, partnerId);
		return submit(viewer, Subject.PARTNER, partnerId, command, fromJson);
	}

	/**
	 * The partner's latest result answered before {@code end}, for the readiness
	 * assessment (the caller has checked the viewer); empty before its first.
	 */
	@Transactional(readOnly = true)
	public Optional<PartnerMaturity> latestOfPartner(long partnerId, Instant end) {
		return this.repository.history(Subject.PARTNER, partnerId, end, 1).stream().findFirst().map(row -> {
			var worded = worded(row, null);
			return new PartnerMaturity(partnerId, row.id(), row.level(), worded.levelName(), row.score(),
					row.answeredAt(),
					worded.areas().stream().filter(MaturityAssessment.AreaResult::weak).map(a -> a.name()).toList(),
					row.reason());
		});
	}

	/**
	 * Every partner's latest result answered before {@code end}, as
	 * {@link #latestOfPartner(long, Instant)} gives it for one, read at once for all
	 * partners (the readiness score's daily run). Partners never assessed are absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PartnerMaturity> latestOfPartners(Instant end) {
		var questionnaire = Questionnaire.of(Subject.PARTNER);
		var result = new java.util.HashMap<Long, PartnerMaturity>();
		for (var row : this.repository.latestOfPartners(end)) {
			var weak = questionnaire.areas()
				.stream()
				.filter(a -> row.weakAreas().contains(a.id()))
				.map(Area::name)
				.toList();
			result.put(row.partnerId(), new PartnerMaturity(row.partnerId(), row.id(), row.level(),
					Level.of(row.level()).label(), row.score(), row.answeredAt(), weak, row.reason()));
		}
		return result;
	}

	/** Where complete answers place their subject, without storing anything. */
	public Placement place(Subject subject, Map<String, Integer> answers) {
		var decision = MaturityRule.place(Questionnaire.of(subject), answers);
		return new Placement(decision.score(), decision.level().number(), decision.reason(),
				decision.areas()
					.stream()
					.map(a -> new MaturityAssessment.AreaResult(a.area(), a.name(), a.score(), a.weak(), null))
					.toList());
	}

	private MaturityAssessment submit(Viewer viewer, Subject subject, Long partnerId, AnswersCommand command,
			boolean fromJson) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var questionnaire = Questionnaire.of(subject);
		var checked = AnswerCheck.check(questionnaire, command.answers(), fromJson);
		var errors = new ArrayList<>(checked.errors());
		if (command.note() != null && !command.note().isBlank()) {
			TextRule.problem(command.note(), FreeText.NOTE, true)
				.ifPresent(problem -> errors.add(new InvalidInputException.FieldError("note", problem)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var note = FreeText.optional("note", command.note(), FreeText.NOTE);
		var decision = MaturityRule.place(questionnaire, checked.answers());
		var now = this.clock.instant();
		// the same answers by the same person again within minutes (a double click, a
		// second tab, two requests at once) are stored once: a repeat read as a new
		// assessment showed "no change" and hid the real one (try71b)
		this.repository.lock(subject, partnerId);
		var latest = this.repository.history(subject, partnerId, now.plusSeconds(1), 1).stream().findFirst();
		if (latest.isPresent() && latest.get().answers().equals(checked.answers())
				&& java.util.Objects.equals(latest.get().note(), note)
				&& latest.get().answeredAt().isAfter(now.minus(REPEAT))
				&& latest.get().answeredById() == viewer.userId()) {
			return history(subject, partnerId, null).latest();
		}
		long id = this.repository.insert(subject, partnerId, questionnaire.version(), decision, checked.answers(), note,
				viewer.userId(), now);
		var after = new LinkedHashMap<String, Object>();
		after.put("subject", subject.name());
		if (partnerId != null) {
			after.put("partnerId", partnerId);
		}
		after.put("level", decision.level().number());
		after.put("score", decision.score());
		after.put("answers", checked.answers());
		this.audit.record(viewer.actor(), "maturity-assessment", id, "submit", null, after);
		return history(subject, partnerId, null).latest();
	}

	private MaturityHistory history(Subject subject, Long partnerId, String name) {
		var rows = this.repository.history(subject, partnerId, this.clock.instant().plusSeconds(1), HISTORY + 1);
		var worded = new ArrayList<MaturityAssessment>();
		for (int i = 0; i < Math.min(rows.size(), HISTORY); i++) {
			worded.add(worded(rows.get(i), i + 1 < rows.size() ? rows.get(i + 1) : null));
		}
		return new MaturityHistory(subject, partnerId, name, worded.isEmpty() ? null : worded.get(0),
				worded.isEmpty() ? List.of() : List.copyOf(worded.subList(1, worded.size())));
	}

	/**
	 * The stored result in words: areas with their change since {@code before}, and the
	 * recommendations the rule gives for the stored answers.
	 */
	private static MaturityAssessment worded(MaturityRepository.Row row, MaturityRepository.Row before) {
		var questionnaire = Questionnaire.of(row.subject());
		var areas = new ArrayList<MaturityAssessment.AreaResult>();
		for (var area : questionnaire.areas()) {
			var score = row.areaScores().get(area.id());
			if (score == null) {
				continue;
			}
			Integer change = before == null || !before.areaScores().containsKey(area.id()) ? null
					: score - before.areaScores().get(area.id());
			areas.add(new MaturityAssessment.AreaResult(area.id(), area.name(), score, row.weak().get(area.id()),
					change));
		}
		var recommendations = new ArrayList<MaturityAssessment.Recommendation>();
		if (row.version() == questionnaire.version()
				&& row.answers().keySet().containsAll(questionnaire.questions().stream().map(Question::id).toList())) {
			for (var weakness : MaturityRule.place(questionnaire, row.answers()).weaknesses()) {
				recommendations.add(new MaturityAssessment.Recommendation(weakness.area(), weakness.name(),
						weakness.recommendation(), weakness.because()));
			}
		}
		return new MaturityAssessment(row.id(), row.subject(), row.partnerId(), row.version(), row.score(), row.level(),
				Level.of(row.level()).label(), row.reason(), List.copyOf(areas), List.copyOf(recommendations),
				java.util.Collections.unmodifiableMap(row.answers()), row.note(), row.answeredBy(), row.answeredAt());
	}

}
