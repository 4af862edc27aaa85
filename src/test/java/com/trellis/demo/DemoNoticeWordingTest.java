package com.trellis.demo;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.trellis.notify.PartnerNotice;
import com.trellis.notify.StaffNotice;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The demo's notices are worded by the modules that word the live ones, so the two cannot
 * drift apart: no demo class words a notice itself.
 */
class DemoNoticeWordingTest {

	private static final JavaClasses DEMO = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.trellis.demo");

	@Test
	void theDemoWordsNoNoticeItselfButTakesTheWordingOfTheLivePath() {
		noClasses().should()
			.callConstructorWhere(target(owner(nameMatching(StaffNotice.class.getName().replace(".", "\\.") + "|"
					+ PartnerNotice.class.getName().replace(".", "\\.")))))
			.because("the live path's modules word their notices (RegistrationToDecide, LeadWaiting, "
					+ "DisputeToDecide, MdfRequestToDecide)")
			.check(DEMO);
	}

}
