package com.trellis.plays;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Users;
import com.trellis.shared.CsvExport;
import com.trellis.shared.ExportSnapshot;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The play library as CSV ({@code GET /plays/export.csv}): every play the library lists
 * with its {@code q}, {@code moment} and {@code role} filters, in the library's order
 * (moment, then title), each at its current version, with the whole text a reader sees on
 * the play: buyer, why the partner, when to bring them, the problem, and the partner
 * types, verticals and capabilities it is for (each list separated by {@code ;}).
 * {@code written_at} is the current version's moment in UTC; {@code written_by} its
 * author's name. A bad filter is refused naming it before the file starts, as on the
 * library.
 */
@Controller
class PlayExport {

	static final List<String> HEADER = List.of("play_id", "version", "title", "moment", "for_role", "buyer",
			"why_partner", "when_to_bring", "problem", "partner_types", "verticals", "capabilities", "written_at",
			"written_by");

	private final Plays plays;

	private final Users users;

	PlayExport(Plays plays, Users users) {
		this.plays = plays;
		this.users = users;
	}

	@ExportSnapshot
	@GetMapping("/plays/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) SalesMoment moment,
			@RequestParam(required = false) PlayRole role, HttpServletResponse response) throws IOException {
		var library = this.plays.library(q, moment, role);
		var authors = this.users.byIds(library.stream().map(PlayView::writtenBy).distinct().toList());
		CsvExport.<PlayView>stream(response, "plays.csv", HEADER, library::forEach,
				p -> Arrays.asList(p.id(), p.version(), p.title(), p.moment(), p.role(), p.buyer(), p.whyPartner(),
						p.whenToBring(), p.problem(),
						String.join(";", p.partnerTypes().stream().map(Enum::name).toList()),
						String.join(";", p.verticals()), String.join(";", p.capabilities()), p.writtenAt(),
						authors.containsKey(p.writtenBy()) ? authors.get(p.writtenBy()).displayName() : null));
	}

}
