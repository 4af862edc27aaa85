package com.trellis.adoption;

import com.trellis.identity.Role;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoption page's program diagnosis as the daily job stored it (issue 15) is the
 * per-request one, evidence word for word; a PAM's stays per request.
 */
@TrellisTest
class AdoptionFiguresTests {

	@Autowired
	AdoptionFigures figures;

	@Autowired
	Adoption adoption;

	@Autowired
	PageFigureStore store;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void computePerRequestAgain() {
		this.store.clear(AdoptionFigures.NAME);
	}

	@Test
	void theStoredDiagnosisIsThePerRequestOne() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.store.clear(AdoptionFigures.NAME);
		assertThat(this.figures.diagnosis(admin).asOf()).as("nothing stored yet").isNull();
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storeDaily()).as("once a business day").isFalse();
		var shown = this.figures.diagnosis(admin);
		assertThat(shown.asOf()).isNotNull();
		assertThat(shown.value()).isEqualTo(this.adoption.diagnosis(admin));
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		assertThat(this.figures.diagnosis(manager).value()).isEqualTo(this.adoption.diagnosis(manager));
		var pam = this.fixtures.user(Role.PAM);
		var book = this.figures.diagnosis(pam);
		assertThat(book.asOf()).isNull();
		assertThat(book.value()).isEqualTo(this.adoption.diagnosis(pam));
	}

}
