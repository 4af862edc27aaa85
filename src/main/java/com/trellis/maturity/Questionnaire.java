package com.trellis.maturity;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire of about ten weighted questions in five areas of two. Question and area
 * ids never change meaning: a new wording or weight raises {@code version}, a new
 * practice gets a new id, so every stored answer can still be compared (see
 * {@code docs/maturity.md}).
 */
public record Questionnaire(Subject subject, int version, List<Area> areas, List<Question> questions) {

	/** The one answer scale: how far the practice is in place. */
	public static final List<String> SCALE = List.of("Not in place", "Informal, now and then",
			"Defined and written down", "Practised consistently", "Measured and improved");

	/** The highest answer on the scale. */
	public static final int TOP = SCALE.size() - 1;

	/** Answered by a program admin (the partnerships leader). */
	public static final Questionnaire PROGRAM = new Questionnaire(Subject.PROGRAM, 1, List.of(new Area("strategy",
			"Strategy and partner profile",
			"Write down the ideal partner profile and the partner targets, and get an executive to sponsor them "
					+ "in the company plan."),
			new Area("enablement", "Onboarding and enablement",
					"Give every new partner a 30-60-90 activation plan and role-based training with certifications."),
			new Area("cosell", "Co-selling with the field",
					"Agree how account executives bring partners into deals and publish a few sales plays for the "
							+ "moments where partners help most."),
			new Area("operations", "Program operations",
					"Run deal registration with clear rules of engagement and keep partner data clean in the CRM."),
			new Area("measurement", "Measurement and incentives",
					"Review sourced and influenced pipeline and win rates each quarter and tie incentives to "
							+ "outcomes.")),
			List.of(new Question("program-partner-profile", "strategy",
					"We have an ideal partner profile and recruit against it", 3),
					new Question("program-executive-sponsor", "strategy",
							"An executive sponsors the program and partner targets are in the company plan", 2),
					new Question("program-onboarding", "enablement",
							"New partners follow an onboarding plan with milestones", 2),
					new Question("program-training", "enablement",
							"Partners get role-based training and certifications", 2),
					new Question("program-ae-engagement", "cosell",
							"Account executives bring partners into their deals", 3),
					new Question("program-sales-plays", "cosell", "Sales plays say when and how to work with a partner",
							2),
					new Question("program-registration", "operations",
							"Deal registration has rules of engagement that are applied", 2),
					new Question("program-crm-data", "operations",
							"Partner involvement on deals is recorded in the CRM", 1),
					new Question("program-kpis", "measurement",
							"Partner-sourced and influenced pipeline and win rates are reviewed", 2),
					new Question("program-incentives", "measurement",
							"Partner incentives are tied to outcomes, not activity", 1)));

	/** Answered by a partner's own users or its PAM. */
	public static final Questionnaire PARTNER = new Questionnaire(Subject.PARTNER, 1, List.of(
			new Area("positioning", "Positioning and offers",
					"Write down the ideal customer profile for the vendor's product and package one fixed-scope offer "
							+ "on it."),
			new Area("sales-motion", "Sales motion",
					"Give the sales process stages with exit criteria and register every deal before working it."),
			new Area("capability", "Enablement and delivery",
					"Get sellers and delivery staff certified and turn the best implementation into a repeatable "
							+ "method with a reference customer."),
			new Area("field", "Field relationships",
					"Meet the account executives of your region on named accounts and share each win as a proof "
							+ "point."),
			new Area("planning", "Joint planning",
					"Set quarterly goals and account plans with your PAM and review the pipeline together.")),
			List.of(new Question("partner-customer-profile", "positioning",
					"We have an ideal customer profile for the vendor's product", 3),
					new Question("partner-packaged-offers", "positioning",
							"We sell packaged offers with a fixed scope built on the product", 2),
					new Question("partner-sales-process", "sales-motion",
							"Our sales process has defined stages with exit criteria", 2),
					new Question("partner-deal-registration", "sales-motion", "We register deals before we work them",
							2),
					new Question("partner-certified-staff", "capability",
							"Our sellers and delivery staff are trained and certified", 2),
					new Question("partner-repeatable-delivery", "capability",
							"We deliver with a repeatable method and have reference customers", 2),
					new Question("partner-ae-relationships", "field",
							"We work with the vendor's account executives on named accounts", 3),
					new Question("partner-proof-points", "field", "We share wins and case studies with the field", 1),
					new Question("partner-joint-plans", "planning",
							"We plan with our PAM: quarterly goals and account plans", 2),
					new Question("partner-pipeline-reviews", "planning",
							"We review our pipeline with the vendor regularly", 1)));

	public Questionnaire {
		areas = List.copyOf(areas);
		questions = List.copyOf(questions);
	}

	public static Questionnaire of(Subject subject) {
		return subject == Subject.PROGRAM ? PROGRAM : PARTNER;
	}

	public Optional<Question> question(String id) {
		return this.questions.stream().filter(q -> q.id().equals(id)).findFirst();
	}

	public Area area(String id) {
		return this.areas.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	List<Question> questionsOf(Area area) {
		return this.questions.stream().filter(q -> q.area().equals(area.id())).toList();
	}

}
