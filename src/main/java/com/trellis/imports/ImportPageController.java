package com.trellis.imports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Import page: an admin uploads an export's files, sees what a dry run finds (bad
 * rows, stages and owners with their mapping, counts), changes the mapping and checks
 * again, then imports (all rows or none).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ImportPageController {

	private static final Map<String, List<String>> FILES = Map.of("SALESFORCE",
			List.of("Account", "User", "Opportunity", "OpportunityHistory", "OpportunityPartner", "Partner"), "HUBSPOT",
			List.of("companies", "deals"));

	private final CrmImport imports;

	private final ImportUploads uploads;

	private final Clock clock;

	ImportPageController(CrmImport imports, ImportUploads uploads, Clock clock) {
		this.imports = imports;
		this.uploads = uploads;
		this.clock = clock;
	}

	@GetMapping("/imports")
	String page() {
		return "imports/page";
	}

	@PostMapping("/imports")
	String upload(Viewer viewer, @RequestParam String system, @RequestParam Map<String, MultipartFile> files,
			RedirectAttributes redirect) {
		var names = FILES.get(system);
		if (names == null) {
			throw InvalidInputException.of("system", "must be SALESFORCE or HUBSPOT");
		}
		var texts = new LinkedHashMap<String, String>();
		for (var name : names) {
			var text = ImportRequest.text(name, files.get(name));
			if (text != null) {
				texts.put(name, text);
			}
		}
		if (texts.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose at least one file of the export.");
			return "redirect:/imports";
		}
		long id = this.uploads.save(system, viewer.userId(), texts, this.clock.instant());
		return "redirect:/imports/" + id;
	}

	@GetMapping("/imports/{id}")
	String first(Viewer viewer, @PathVariable long id, Model model) {
		return check(viewer, id, Map.of(), model);
	}

	@PostMapping("/imports/{id}/check")
	String check(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> mapping, Model model) {
		var upload = find(id);
		model.addAttribute("report", run(viewer, upload, mapping, true));
		return show(upload, mapping, model);
	}

	@PostMapping("/imports/{id}/run")
	String importAll(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> mapping, Model model,
			RedirectAttributes redirect) {
		var upload = find(id);
		try {
			var report = run(viewer, upload, mapping, false);
			redirect.addFlashAttribute("report", report);
			redirect.addFlashAttribute("notice", "Imported.");
			return "redirect:/imports/" + id + "/done";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("report", run(viewer, upload, mapping, true));
			model.addAttribute("error", "Nothing imported: fix the rows below or the mapping, then import again.");
			return show(upload, mapping, model);
		}
	}

	@GetMapping("/imports/{id}/done")
	String done(@PathVariable long id, Model model) {
		find(id);
		if (!model.containsAttribute("report")) {
			return "redirect:/imports/" + id;
		}
		return "imports/done";
	}

	private String show(ImportUploads.Upload upload, Map<String, String> mapping, Model model) {
		model.addAttribute("upload", upload);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("credits", com.trellis.deals.CreditType.values());
		model.addAttribute("createUnknownOwners", "true".equals(mapping.get("createUnknownOwners")));
		model.addAttribute("currency", mapping.getOrDefault("currency", ""));
		model.addAttribute("owners", mapping);
		model.addAttribute("mapping", mapping);
		return "imports/check";
	}

	private ImportReport run(Viewer viewer, ImportUploads.Upload upload, Map<String, String> mapping, boolean dryRun) {
		var files = upload.files();
		var choices = ImportRequest.mapping(mapping);
		if (upload.system().equals("HUBSPOT")) {
			var hubspot = new HubspotExport.Files(files.get("companies"), files.get("deals"));
			return this.imports.run(viewer, "HUBSPOT", zone -> HubspotExport.read(hubspot, zone), choices, dryRun);
		}
		var salesforce = new CrmExport.Files(files.get("Account"), files.get("User"), files.get("Opportunity"),
				files.get("OpportunityHistory"), files.get("OpportunityPartner"), files.get("Partner"));
		return this.imports.run(viewer, "SALESFORCE", zone -> CrmExport.readSalesforce(salesforce, zone), choices,
				dryRun);
	}

	private ImportUploads.Upload find(long id) {
		return this.uploads.find(id).orElseThrow(() -> new NotFoundException("Import", id));
	}

}
