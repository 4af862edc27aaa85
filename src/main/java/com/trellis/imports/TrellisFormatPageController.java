package com.trellis.imports;

import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.DatabaseRefusal;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.TextUpload;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of the Trellis formats: an admin (every format) or a PAM (contacts, activity,
 * completions, marketplace transactions and account plans of their book) uploads a file,
 * checks it (nothing is written) and imports it (all rows or none); bad rows are listed
 * with row, column, value and why.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
class TrellisFormatPageController {

	private final TrellisFormats formats;

	private final ImportSize size;

	TrellisFormatPageController(TrellisFormats formats, ImportSize size) {
		this.formats = formats;
		this.size = size;
	}

	@GetMapping("/imports/trellis")
	String page(Viewer viewer, @RequestParam(required = false) String format, Model model) {
		model.addAttribute("formats", allowed(viewer));
		model.addAttribute("required", required(viewer));
		model.addAttribute("format", format);
		return "imports/trellis";
	}

	@PostMapping("/imports/trellis")
	String upload(Viewer viewer, @RequestParam(required = false) String format,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "check") String action,
			Model model, HttpServletResponse response) {
		var chosen = TrellisFormats.Format.of(format == null ? "" : format);
		if (!TrellisFormats.mayImport(viewer, chosen)) {
			throw new AccessDeniedException("Your role may not import " + chosen.code());
		}
		model.addAttribute("formats", allowed(viewer));
		model.addAttribute("required", required(viewer));
		model.addAttribute("format", chosen.code());
		if (!TextUpload.chosen(file)) {
			model.addAttribute("error", "Choose the CSV file to import.");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "imports/trellis";
		}
		boolean dryRun = !"import".equals(action);
		try {
			// a chosen file with no bytes or not UTF-8 text is listed as the file's error
			var text = ImportFile.of("file", file).text();
			this.size.check("file", text);
			var report = this.formats.run(viewer, chosen, text, dryRun);
			model.addAttribute("report", report);
			if (!report.clean()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("report",
					new FormatReport(chosen.code(), dryRun, 0, 0, 0, 0, ex.errors().size(), ex.errors(), 0, List.of()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (com.trellis.shared.ConflictException ex) {
			// another real run of this format holds the turn: said on the form, 409
			model.addAttribute("error", "Another import of " + chosen.code()
					+ " is running; wait until it has finished, then import again.");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// a refusal of the database outside the rows' writes (at the commit): said on
			// the form, never a problem detail in place of the page
			model.addAttribute("error", "Nothing was imported: " + DatabaseRefusal.of(ex).reason()
					+ ". Check the file again, then import it.");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return "imports/trellis";
	}

	private static java.util.List<String> allowed(Viewer viewer) {
		return permitted(viewer).map(TrellisFormats.Format::code).toList();
	}

	/**
	 * Per permitted format (by code), its required columns and its groups of columns of
	 * which one each must be filled.
	 */
	private static java.util.Map<String, Columns> required(Viewer viewer) {
		var columns = new java.util.LinkedHashMap<String, Columns>();
		permitted(viewer).forEach(f -> columns.put(f.code(),
				new Columns(String.join(", ", f.required()),
						f.oneOf().stream().map(group -> String.join(" | ", group)).toList(),
						String.join(", ", f.columns()
							.stream()
							.filter(c -> !f.required().contains(c) && f.oneOf().stream().noneMatch(g -> g.contains(c)))
							.toList()))));
		return columns;
	}

	/**
	 * A format's columns as the page lists them (the optional ones: every other it
	 * takes).
	 */
	record Columns(String required, java.util.List<String> oneOf, String optional) {
	}

	private static java.util.stream.Stream<TrellisFormats.Format> permitted(Viewer viewer) {
		return java.util.Arrays.stream(TrellisFormats.Format.values()).filter(f -> TrellisFormats.mayImport(viewer, f));
	}

}
