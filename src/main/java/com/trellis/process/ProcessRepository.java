package com.trellis.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProcessRepository {

	private final JdbcClient jdbc;

	ProcessRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StageDefinition> stages() {
		return this.jdbc.sql("""
				SELECT code, position, name, owner_role, exit_criterion, checklist, norm_days, active
				FROM stage_definition ORDER BY position
				""").query(ProcessRepository::stage).list();
	}

	void save(StageDefinition stage, Instant now) {
		this.jdbc.sql("""
				UPDATE stage_definition SET name = :name, owner_role = :owner, exit_criterion = :criterion,
				       checklist = :checklist, norm_days = :norm, active = :active, updated_at = :now
				WHERE code = :code
				""")
			.param("name", stage.name().strip())
			.param("owner", stage.ownerRole().name())
			.param("criterion", stage.exitCriterion().strip())
			.param("checklist", stage.checklist().stream().map(String::strip).toArray(String[]::new))
			.param("norm", stage.normDays())
			.param("active", stage.active())
			.param("now", Timestamp.from(now))
			.param("code", stage.code().name())
			.update();
	}

	Set<String> ticked(long opportunityId, Stage stage) {
		return new HashSet<>(
				this.jdbc.sql("SELECT item FROM deal_checklist_tick WHERE opportunity_id = :deal AND stage = :stage")
					.param("deal", opportunityId)
					.param("stage", stage.name())
					.query(String.class)
					.list());
	}

	void tick(long opportunityId, Stage stage, String item, long userId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO deal_checklist_tick (opportunity_id, stage, item, ticked_by, ticked_at)
				VALUES (:deal, :stage, :item, :by, :now) ON CONFLICT DO NOTHING
				""")
			.param("deal", opportunityId)
			.param("stage", stage.name())
			.param("item", item)
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void untick(long opportunityId, Stage stage, String item) {
		this.jdbc
			.sql("DELETE FROM deal_checklist_tick WHERE opportunity_id = :deal AND stage = :stage AND item = :item")
			.param("deal", opportunityId)
			.param("stage", stage.name())
			.param("item", item)
			.update();
	}

	Optional<JointOwners> jointOwners(long opportunityId) {
		return this.jdbc.sql("""
				SELECT relationship_owner, technical_owner FROM deal_joint_owners WHERE opportunity_id = :deal
				""")
			.param("deal", opportunityId)
			.query((rs, n) -> new JointOwners(rs.getString(1), rs.getString(2)))
			.optional();
	}

	void saveJointOwners(long opportunityId, JointOwners owners, long userId, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO deal_joint_owners (opportunity_id, relationship_owner, technical_owner, updated_by, updated_at)
					VALUES (:deal, :relationship, :technical, :by, :now)
					ON CONFLICT (opportunity_id) DO UPDATE SET relationship_owner = :relationship,
					    technical_owner = :technical, updated_by = :by, updated_at = :now
					""")
			.param("deal", opportunityId)
			.param("relationship", owners.relationshipOwner().strip())
			.param("technical", owners.technicalOwner().strip())
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void disqualify(long opportunityId, String reason, long userId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO deal_disqualification (opportunity_id, reason, decided_by, decided_at)
				VALUES (:deal, :reason, :by, :now)
				ON CONFLICT (opportunity_id) DO UPDATE SET reason = :reason, decided_by = :by, decided_at = :now
				""")
			.param("deal", opportunityId)
			.param("reason", reason)
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<String> disqualification(long opportunityId) {
		return this.jdbc.sql("SELECT reason FROM deal_disqualification WHERE opportunity_id = :deal")
			.param("deal", opportunityId)
			.query(String.class)
			.optional();
	}

	private static StageDefinition stage(ResultSet rs, int n) throws SQLException {
		return new StageDefinition(Stage.valueOf(rs.getString("code")), rs.getInt("position"), rs.getString("name"),
				Role.valueOf(rs.getString("owner_role")), rs.getString("exit_criterion"),
				Arrays.asList((String[]) rs.getArray("checklist").getArray()), rs.getInt("norm_days"),
				rs.getBoolean("active"));
	}

}
