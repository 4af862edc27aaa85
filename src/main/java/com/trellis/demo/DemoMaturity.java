package com.trellis.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.trellis.maturity.MaturityAssessments;
import com.trellis.maturity.Placement;
import com.trellis.maturity.Questionnaire;
import com.trellis.maturity.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maturity assessments (§C19) of the last three quarters, so the program's page and
 * partners' pages show progress on first start. The program (answered by the admin, user
 * 1) climbs from Developing to Scaled with co-selling lagging behind. About two in five
 * active or dormant partners (partner 1 among them) have two or three assessments a
 * quarter apart, answered in turn by the partner's first user and its PAM: each answer is
 * the partner's hidden quality at the time on the 0–4 scale, moved by a per-area strength
 * of the partner and a little noise, so better partners sit higher and some areas stay
 * weak. Results come from the maturity module's own rule.
 */
final class DemoMaturity {

	static final int RANDOM_STREAM = 43;

	/** At most this many partners get assessments. */
	static final int MOST_PARTNERS = 150;

	private static final long DAY = 86_400;

	private final JdbcClient jdbc;

	private final MaturityAssessments maturity;

	private final Instant now;

	DemoMaturity(JdbcClient jdbc, MaturityAssessments maturity, Instant now) {
		this.jdbc = jdbc;
		this.maturity = maturity;
		this.now = now;
	}

	void write(List<PartnerPlan> partners, long seed) {
		int[][] program = { { 1, 2, 1, 1, 1, 1, 2, 1, 1, 1 }, { 2, 2, 2, 2, 1, 1, 3, 2, 2, 1 },
				{ 3, 3, 3, 3, 1, 2, 3, 3, 3, 2 } };
		for (int i = 0; i < program.length; i++) {
			var answers = new LinkedHashMap<String, Integer>();
			var questions = Questionnaire.PROGRAM.questions();
			for (int q = 0; q < questions.size(); q++) {
				answers.put(questions.get(q).id(), program[i][q]);
			}
			insert(Subject.PROGRAM, null, answers, 1, this.now.minus(Duration.ofDays(250 - 91L * i)));
		}
		int written = 0;
		for (var partner : partners) {
			boolean chosen = partner.id == 1 || Randoms.mix(seed + partner.id) % 5 < 2;
			if (!chosen || !("ACTIVE".equals(partner.status) || "DORMANT".equals(partner.status))
					|| written >= MOST_PARTNERS) {
				continue;
			}
			written++;
			var random = Randoms.of(seed, RANDOM_STREAM, partner.id);
			var strength = new LinkedHashMap<String, Double>();
			Questionnaire.PARTNER.areas().forEach(a -> strength.put(a.id(), random.nextDouble() * 2 - 1));
			int count = random.nextDouble() < 0.5 ? 2 : 3;
			for (int k = count - 1; k >= 0; k--) {
				long at = this.now.getEpochSecond() - (k * 91L + 5 + random.nextInt(20)) * DAY;
				long by = (k % 2 == 0 && partner.firstUserId != 0) ? partner.firstUserId : partner.ownerPamId;
				insert(Subject.PARTNER, partner.id, answers(partner.qBehaviour(at), strength, random), by,
						Instant.ofEpochSecond(at));
			}
		}
	}

	private static Map<String, Integer> answers(double quality, Map<String, Double> strength, SplittableRandom random) {
		var answers = new LinkedHashMap<String, Integer>();
		for (var question : Questionnaire.PARTNER.questions()) {
			double value = quality * 4 + strength.get(question.area()) + (random.nextDouble() - 0.5);
			answers.put(question.id(), (int) Math.round(Randoms.clamp(value, 0, Questionnaire.TOP)));
		}
		return answers;
	}

	private void insert(Subject subject, Long partnerId, Map<String, Integer> answers, long by, Instant at) {
		Placement placement = this.maturity.place(subject, answers);
		long id = this.jdbc.sql("""
				INSERT INTO maturity_assessment (subject, partner_id, questionnaire_version, score, level, reason,
				                                 answered_by, answered_at)
				VALUES (:subject, :partner, :version, :score, :level, :reason, :by, :at)
				RETURNING id
				""")
			.param("subject", subject.name())
			.param("partner", partnerId)
			.param("version", Questionnaire.of(subject).version())
			.param("score", placement.score())
			.param("level", placement.level())
			.param("reason", placement.reason())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		answers.forEach((question, answer) -> this.jdbc
			.sql("INSERT INTO maturity_answer (assessment_id, question_id, answer) VALUES (:id, :q, :a)")
			.param("id", id)
			.param("q", question)
			.param("a", answer)
			.update());
		for (var area : placement.areas()) {
			this.jdbc
				.sql("INSERT INTO maturity_area_result (assessment_id, area, score, weak) VALUES (:id, :area, :s, :w)")
				.param("id", id)
				.param("area", area.area())
				.param("s", area.score())
				.param("w", area.weak())
				.update();
		}
	}

}
