package com.trellis.enablement;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.stereotype.Service;

/**
 * The enablement module's port for the Trellis completions format (module
 * {@code imports}): reads a completion as the format writes it (user, course or
 * certification code, completed date), finds one by its natural key, and records or
 * corrects one. The importer has checked role, book and values before; a new completion
 * is saved as every other one is (signal, audit, track completed).
 */
@Service
public class CompletionFormatImport {

	private final Enablement enablement;

	private final EnablementRepository repository;

	private final AuditLog audit;

	private final ValueLimits limits;

	private final BusinessCalendar calendar;

	CompletionFormatImport(Enablement enablement, EnablementRepository repository, AuditLog audit, ValueLimits limits,
			BusinessCalendar calendar) {
		this.enablement = enablement;
		this.repository = repository;
		this.audit = audit;
		this.limits = limits;
		this.calendar = calendar;
	}

	/** A completion as the format reads it. */
	public record Completion(long id, long userId, long partnerId, String item, LocalDate completedOn) {
	}

	/** Whether the code names a course or certification of the program. */
	public boolean isItem(String code) {
		return this.repository.item(code).isPresent();
	}

	/** Why the date cannot be a completion date, if it cannot. */
	public Optional<String> dateProblem(LocalDate completedOn) {
		if (completedOn.isAfter(this.calendar.today())) {
			return Optional.of("is in the future");
		}
		return this.limits.dateProblem(completedOn);
	}

	public Optional<Completion> find(long id) {
		return this.repository.completion(id).map(CompletionFormatImport::of);
	}

	/** The completion of the item by the user on the day, if recorded. */
	public Optional<Completion> find(long userId, String item, LocalDate completedOn) {
		return this.repository.item(item)
			.flatMap(i -> this.repository.completion(userId, i.id(), completedOn))
			.map(CompletionFormatImport::of);
	}

	/** Records a completion of a partner user; its id. */
	public long create(Viewer viewer, UserSummary user, String item, LocalDate completedOn) {
		var resolved = new Enablement.Resolved(user, this.repository.item(item).orElseThrow(), completedOn);
		return this.enablement.save(viewer, resolved, "IMPORT")
			.orElseGet(() -> find(user.id(), item, completedOn).orElseThrow().id());
	}

	/** Corrects an imported completion to the file's user, item and date (audited). */
	public void correct(Viewer viewer, long id, UserSummary user, String item, LocalDate completedOn) {
		var course = this.repository.item(item).orElseThrow();
		var expires = course.validityDays() == null ? null : completedOn.plusDays(course.validityDays());
		this.repository.correct(id, course.id(), user.id(), user.partnerId(), completedOn, expires);
		this.audit.record(viewer.actor(), "enablement-completion", user.id() + ":" + course.code(), "updated by import",
				null, Map.of("item", course.code(), "completedOn", completedOn.toString()));
	}

	private static Completion of(EnablementRepository.Stored stored) {
		return new Completion(stored.id(), stored.userId(), stored.partnerId(), stored.item(), stored.completedOn());
	}

}
