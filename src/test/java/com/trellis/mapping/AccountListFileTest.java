package com.trellis.mapping;

import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A partner's account list is read as every other CSV file: a row whose number of values
 * is not the header's is refused naming the row, a row without any value is skipped.
 */
class AccountListFileTest {

	@Test
	void aRowWithFewerValuesThanItsHeaderIsRefusedNamingTheRow() {
		var refused = catchThrowableOfType(InvalidInputException.class, () -> AccountListFile
			.read("company_name,web_domain,country,status\nAcme,acme.com,DE,customer\nShort Co,short.com,DE\n"));
		assertThat(refused.errors()).extracting(e -> e.field() + "=" + e.message())
			.containsExactly("row 3: columns=3 values where the header has 4 columns");
	}

	/**
	 * A list of blanks alone has no header line either, said in the words of an empty
	 * upload (fix83), with the columns its first line must name.
	 */
	@Test
	void aFileOfBlanksIsEmptyWithoutHeaderLine() {
		var refused = catchThrowableOfType(InvalidInputException.class, () -> AccountListFile.read("  \n\n"));
		assertThat(refused.errors()).extracting(e -> e.field() + "=" + e.message())
			.containsExactly("header=the file is empty, no header line; the first line must name the columns: "
					+ "company_name,web_domain,country,status");
	}

	@Test
	void rowsWithOnlySeparatorsAreSkipped() {
		var rows = AccountListFile.read("company_name;web_domain;country;status\n;;;\nAcme;acme.com;DE;customer\n;;\n");
		assertThat(rows).extracting(ListRow::companyName).containsExactly("Acme");
	}

	@Test
	void aCountryIsACodeOfAnAssignedCountryAsACrmWritesIt() {
		var rows = AccountListFile.read("""
				company_name,web_domain,country,status
				Lower Co,lower.com,de,customer
				Alpha Three Co,alpha-three.com,FRA,prospect
				Named Co,named.com,Germany,customer
				Blank Co,blank.com,,customer
				""");
		assertThat(rows).extracting(ListRow::country).containsExactly("DE", "FR", "DE", null);
		var refused = catchThrowableOfType(InvalidInputException.class, () -> AccountListFile.read("""
				company_name,web_domain,country,status
				Unknown Co,unknown.com,ZZ,customer
				Made Up Co,made-up.com,XX,customer
				"""));
		assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactly("row 2: country", "row 3: country");
	}

	@Test
	void namesAndCrmIdsFollowTheTextRuleAndARepeatedRowIsRefused() {
		// s55: each of these was kept
		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> AccountListFile.read("company_name,web_domain,country,status,crm_id\n"
						+ "\"Multi\nLine Corp\",multi.com,DE,customer,\n" + "Evil\u202eroC,evil.com,DE,customer,\n"
						+ "\u00a0\u00a0,blank.com,DE,customer,\n" + "Bell Co,bell.com,DE,customer,a\u0007b\n"
						+ "Dup AG,dup.de,DE,customer,\n" + "Dup AG,dup.de,DE,customer,\n"));
		assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactly("row 2: company_name", "row 3: company_name", "row 4: company_name", "row 5: crm_id",
					"row 7: company_name");
		assertThat(refused.errors().get(4).message()).contains("repeats row 6");
		// a name of 150 emoji is 150 characters, not 300
		assertThat(AccountListFile
			.read("company_name,web_domain,country,status\n" + "\uD83D\uDE00".repeat(150) + ",emoji.com,DE,customer\n"))
			.hasSize(1);
	}

}
