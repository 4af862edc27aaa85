package com.trellis.imports;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.imports.TrellisFormats.Format;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Trellis format reports every fault of a row in one round: a row with a cell that
 * cannot be read (a bad date, number, id or choice) also has its other faults reported
 * (an unknown or foreign record, a broken rule, a repeated id), each naming the row and
 * column, so the admin fixes a file in one go.
 */
@TrellisTest
class FormatRowFaultsTests {

	@Autowired
	TrellisFormats formats;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	Viewer admin;

	Fixtures.World world;

	String tag;

	@BeforeEach
	void setUp() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.tag = Long.toString(System.nanoTime());
		this.world = this.fixtures.world("Row Faults " + this.tag);
	}

	@Test
	void aPartnerRowWithABadDateAlsoReportsItsBadWebDomain() {
		var csv = "source_id,name,type,region,onboarded_on,web_domain,pam_email\n" + "rf-p-" + this.tag
				+ ",Row Fault Partner " + this.tag + ",SI,EMEA,2024-02-30,not a domain!,"
				+ this.fixtures.email(this.world.pam()) + "\n";
		assertThat(fields(this.admin, Format.PARTNERS, csv)).containsExactlyInAnyOrder("row 2: onboarded_on",
				"row 2: web_domain");
	}

	@Test
	void aNewPartnerRowWithoutAPamIsToldSoOnce() {
		var csv = "source_id,name,type,region,owner_pam_id,pam_email\n" + "rf-np-" + this.tag + ",No Pam Partner "
				+ this.tag + ",SI,EMEA,,\n";
		assertThat(fields(this.admin, Format.PARTNERS, csv)).containsExactly("row 2: pam_email");
	}

	@Test
	void anAccountRowWithAnUnreadableOwnerIdAlsoReportsItsUnknownCountry() {
		var csv = "source_id,name,owner_ae_id,country\nrf-a-" + this.tag + ",Row Fault Account " + this.tag
				+ ",abc,Atlantis\n";
		assertThat(fields(this.admin, Format.ACCOUNTS, csv)).containsExactlyInAnyOrder("row 2: owner_ae_id",
				"row 2: country");
	}

	@Test
	void aDealRowWithABadCloseDateAlsoReportsItsUnknownCurrency() {
		var csv = "source_id,name,account_id,amount,currency,stage,close_date,owner_id\nrf-d-" + this.tag
				+ ",Row Fault Deal," + this.world.accountId() + ",100.00,ZZZ,QUALIFIED,2024-02-30,"
				+ this.world.ae().userId() + "\n";
		assertThat(fields(this.admin, Format.DEALS, csv)).containsExactlyInAnyOrder("row 2: close_date",
				"row 2: currency");
	}

	@Test
	void aDealRowWithAnUnknownAccountAlsoReportsItsTooLargeAmount() {
		var csv = "source_id,name,account_id,amount,currency,stage,close_date,owner_id\nfz-7-" + this.tag
				+ ",ok,99999999,99999999999999999999,JPY,QUALIFIED,," + this.world.ae().userId() + "\n";
		assertThat(fields(this.admin, Format.DEALS, csv)).containsExactlyInAnyOrder("row 2: account_id",
				"row 2: amount");
	}

	@Test
	void aDealRowWithAnOwnerWhoIsNoAccountExecutiveAlsoReportsItsUnreadableAmount() {
		var csv = "source_id,name,account_id,amount,currency,stage,close_date,owner_id\nfz-8-" + this.tag + ",ok,"
				+ this.world.accountId() + ",lots,USD,QUALIFIED,," + this.world.pam().userId() + "\n";
		assertThat(fields(this.admin, Format.DEALS, csv)).containsExactlyInAnyOrder("row 2: owner_id", "row 2: amount");
	}

	@Test
	void aContactRowWithAnUnknownStateAlsoReportsAnEmailOfAVendorUser() {
		var csv = "partner_id,email,name,state\n" + this.world.partnerId() + "," + this.fixtures.email(this.admin)
				+ ",Someone,MAYBE\n";
		assertThat(fields(this.admin, Format.CONTACTS, csv)).containsExactlyInAnyOrder("row 2: state", "row 2: email");
	}

	@Test
	void anActivityRowRepeatingASourceIdAlsoReportsItsUnreadableMoment() {
		var at = today().minusDays(3) + "T09:00:00Z";
		var csv = "source_id,partner_id,type,occurred_at\n" + "rf-e-" + this.tag + "," + this.world.partnerId()
				+ ",PORTAL_LOGIN," + at + "\n" + "rf-e-" + this.tag + "," + this.world.partnerId()
				+ ",PORTAL_LOGIN,yesterday\n";
		assertThat(fields(this.admin, Format.ACTIVITY, csv)).containsExactlyInAnyOrder("row 3: source_id",
				"row 3: occurred_at");
	}

	@Test
	void aCompletionRowWithABadDayAlsoReportsItsUnknownItem() {
		var csv = "email,item,completed_on\n" + this.fixtures.email(this.world.partnerUser())
				+ ",NO-SUCH-ITEM,2024-02-30\n";
		assertThat(fields(this.admin, Format.COMPLETIONS, csv)).containsExactlyInAnyOrder("row 2: item",
				"row 2: completed_on");
	}

	@Test
	void aPamsMarketplaceRowWithACommaAmountAlsoReportsATransactionOutsideTheBook() {
		var day = today().minusDays(5);
		var written = this.formats.run(this.admin, Format.MARKETPLACE,
				"source_id,partner_id,customer,listing,amount,currency,transacted_on\nrf-m-" + this.tag + ","
						+ this.world.partnerId() + ",Customer,Listing,100.00,USD," + day + "\n",
				false);
		assertThat(written.errors()).isEmpty();
		var other = this.fixtures.world("Row Faults Other " + this.tag);
		var csv = "source_id,partner_id,customer,listing,amount,currency,transacted_on\nrf-m-" + this.tag + ","
				+ other.partnerId() + ",Customer,Listing,\"12,50\",USD," + day + "\n";
		assertThat(fields(other.pam(), Format.MARKETPLACE, csv)).containsExactlyInAnyOrder("row 2: amount",
				"row 2: source_id");
	}

	@Test
	void aPlanRowWithACommaGoalAlsoReportsAnEndBeforeItsStart() {
		var start = today().plusDays(10);
		var csv = "plan_source_id,partner_id,title,account_id,currency,pipeline_goal,revenue_goal,starts_on,ends_on,"
				+ "our_owner_email,partner_contact_email\nrf-pl-" + this.tag + "," + this.world.partnerId()
				+ ",Row Fault Plan," + this.world.accountId() + ",USD,\"12,5\",1000.00," + start + ","
				+ start.minusDays(5) + "," + this.fixtures.email(this.world.pam()) + ","
				+ this.fixtures.email(this.world.partnerUser()) + "\n";
		assertThat(fields(this.admin, Format.PLANS, csv)).containsExactlyInAnyOrder("row 2: pipeline_goal",
				"row 2: ends_on");
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
	}

	private List<String> fields(Viewer viewer, Format format, String csv) {
		var report = this.formats.run(viewer, format, csv, true);
		report.errors().forEach(e -> System.out.println(format + " " + e.field() + ": " + e.message()));
		return report.errors().stream().map(FieldError::field).toList();
	}

}
