package com.trellis.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundUrlPolicyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1:8080/hook          | loopback
			http://127.9.9.9/                   | loopback
			http://[::1]/hook                   | loopback
			http://10.1.2.3/                    | private
			http://172.16.0.1/                  | private
			http://192.168.1.1/                 | private
			http://100.64.0.1/                  | private
			http://169.254.169.254/latest/      | link-local
			http://[fe80::1]/                   | link-local
			http://[fd00::1]/                   | unique-local
			http://224.0.0.1/                   | multicast
			http://[ff02::1]/                   | multicast
			http://0.0.0.0/                     | unspecified
			http://[::]/                        | unspecified
			http://255.255.255.255/             | broadcast
			http://[::ffff:127.0.0.1]/          | loopback
			http://[::ffff:7f00:1]/             | loopback
			http://[::ffff:10.0.0.1]/           | private
			http://[::127.0.0.1]/               | loopback
			http://[64:ff9b::a9fe:a9fe]/        | link-local
			http://198.18.0.1/x                 | benchmarking
			http://198.19.255.254/              | benchmarking
			http://192.0.2.10/                  | documentation
			http://198.51.100.7/                | documentation
			http://203.0.113.9/                 | documentation
			http://192.0.0.170/                 | reserved
			http://192.88.99.1/                 | reserved
			http://[2002:7f00:1::]/x            | loopback
			http://[2002:a00:1::]/              | private
			http://[2001:0:4136:e378::1]/       | Teredo
			http://[2001:db8::1]/               | documentation
			http://[100::1]/                    | discard-only
			http://[64:ff9b:1::5db8:d70e]/      | local-use translation
			http://2130706433/                  | non-standard
			http://0177.0.0.1/                  | non-standard
			http://0x7f.0.0.1/                  | non-standard
			http://0x7f000001/                  | non-standard
			http://127.1/                       | non-standard
			http://localhost:8080/              | this server
			http://localhost.:9999/             | this server
			http://api.localhost.:9999/         | this server
			https://example.com:99999/          | invalid port (99999)
			https://example.com:0/              | invalid port (0)
			ftp://example.com/                  | http or https
			file:///etc/passwd                  | http or https
			https://user:secret@example.com/    | user name
			https://user@mail@example.com/      | user name
			https://a@b:c@example.com:8443/     | user name
			https://a..b/                       | invalid host name
			https://ab.cd..ef/                  | invalid host name
			https://xn--zz.example/             | invalid host name
			https://hooks.XN--ZZ.example:8443/  | invalid host name
			""")
	void refusesUrlsThatPointInsideOrHideWhereTheyPoint(String url, String reason) {
		var decision = OutboundUrlPolicy.check(url);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.slack.com/services/T0/B0/abc", "https://93.184.215.14/hook",
			"http://[2606:4700::1111]/", "https://cafe.be/hook", "http://198.20.0.1/", "http://192.0.3.1/",
			"http://[2002:5db8:d70e::1]/", "http://[2001:4860:4860::8888]/", "https://ab--cd.xn--p1ai/hook",
			"https://r3---sn.xn--bcher-kva.example/" })
	void allowsPublicHostsAndAddresses(String url) {
		assertThat(OutboundUrlPolicy.check(url).allowed()).isTrue();
	}

	@Test
	void checksAnInternationalisedHostByItsAsciiForm() {
		assertThat(OutboundUrlPolicy.asciiHost(" https://bücher.example/hook "))
			.isEqualTo("https://xn--bcher-kva.example/hook");
		assertThat(OutboundUrlPolicy.asciiHost("https://example.com/päth")).isEqualTo("https://example.com/päth");
		assertThat(OutboundUrlPolicy.check("https://bücher.example/hook").allowed()).isTrue();
		assertThat(OutboundUrlPolicy.check("https://bücher.localhost/hook").reason()).contains("this server");
		assertThat(OutboundUrlPolicy.check("https://user:pw@bücher.example/").reason()).contains("user name");
		List<String> asked = new java.util.ArrayList<>();
		OutboundUrlPolicy.Resolver resolver = host -> {
			asked.add(host);
			return List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }));
		};
		assertThat(OutboundUrlPolicy.checkResolved("https://bücher.example/hook", resolver).allowed()).isTrue();
		assertThat(asked).containsExactly("xn--bcher-kva.example");
	}

	/**
	 * The limit holds for the form that is stored and called (try19: 500 characters as
	 * typed were 507 stored, and then refused at every delivery).
	 */
	@Test
	void measuresAnInternationalisedUrlInItsAsciiForm() {
		var typed = "https://bücher.example/" + "p".repeat(477);
		assertThat(typed).hasSize(500);
		assertThat(OutboundUrlPolicy.check(typed).reason()).contains("longer than 500 characters", "507");
	}

	/**
	 * A host is converted as browsers convert it (UTS #46, nontransitional):
	 * {@code faß.de} is its own domain, not {@code fass.de} (try19: the JDK's IDNA2003
	 * kept it as {@code fass.de}); a name with a joiner where it does not belong has no
	 * ASCII form.
	 */
	@Test
	void convertsAHostAsBrowsersDo() {
		assertThat(OutboundUrlPolicy.asciiHost("https://faß.de/")).isEqualTo("https://xn--fa-hia.de/");
		// a final sigma stays a final sigma: another name than the one with a plain sigma
		assertThat(OutboundUrlPolicy.asciiHost("https://\u03c3\u03bf\u03c6\u03bf\u03c2.example/x"))
			.startsWith("https://xn--")
			.isNotEqualTo(OutboundUrlPolicy.asciiHost("https://\u03c3\u03bf\u03c6\u03bf\u03c3.example/x"));
		assertThat(OutboundUrlPolicy.check("https://a\u200db.example/").reason()).contains("no valid ASCII xn-- form");
	}

	@Test
	void refusesAUrlLongerThanTheLimit() {
		var decision = OutboundUrlPolicy.check("https://hooks.slack.com/services/" + "x".repeat(3000));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("longer than 500");
	}

	@Test
	void refusesAPublicLookingHostThatResolvesToLoopbackWhenChecked() throws UnknownHostException {
		var loopback = InetAddress.getByAddress("hooks.slack.com", new byte[] { 127, 0, 0, 1 });
		OutboundUrlPolicy.Resolver rebinding = host -> List.of(loopback);

		var decision = OutboundUrlPolicy.checkResolved("https://hooks.slack.com/services/T0/B0/abc", rebinding);

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("hooks.slack.com", "loopback", "127.0.0.1");
	}

	@Test
	void refusesAHostWhenAnyOfItsAddressesIsInternal() throws UnknownHostException {
		var addresses = List.of(InetAddress.getByAddress(new byte[] { 93, (byte) 184, (byte) 215, 14 }),
				InetAddress.getByAddress(new byte[] { 10, 0, 0, 7 }));
		assertThat(OutboundUrlPolicy.checkResolved("https://example.com/hook", host -> addresses).reason())
			.contains("private address 10.0.0.7");
	}

	@Test
	void refusesAHostThatDoesNotResolveForNowOnly() {
		OutboundUrlPolicy.Resolver nothing = host -> {
			throw new UnknownHostException(host);
		};
		var decision = OutboundUrlPolicy.checkResolved("https://nowhere.invalid/", nothing);
		assertThat(decision.reason()).contains("cannot be resolved");
		assertThat(decision.allowed()).isFalse();
		// a delivery asks again later (a name server down is not a refused URL)
		assertThat(decision.temporary()).isTrue();
		assertThat(OutboundUrlPolicy.checkResolved("http://127.0.0.1/", nothing).temporary()).isFalse();
		assertThat(OutboundUrlPolicy.checkResolved("https://nowhere.invalid/", host -> List.of()).temporary()).isTrue();
	}

}
