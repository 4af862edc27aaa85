package com.trellis.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.shared.CsvExport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user list of the program admin as CSV ({@code GET /admin/users/export.csv}): every
 * user the list shows with its filters ({@code q}, {@code role}, {@code active}; a bad
 * one named, 400, as on the list), all pages, in the list's order. No password, hash or
 * token; {@code created_at} in UTC (ISO 8601).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserExport {

	static final List<String> HEADER = List.of("id", "email", "name", "role", "team", "manager_id", "manager",
			"job_role", "partner_id", "active", "must_change_password", "created_at");

	private final UserAdministration administration;

	UserExport(UserAdministration administration) {
		this.administration = administration;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/admin/users/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String active, HttpServletResponse response) throws IOException {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		var filter = new UserFilter(q, UserListParameters.role(role, errors), UserListParameters.active(active, errors),
				false);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		CsvExport.write(response, "users.csv", HEADER,
				page -> this.administration.search(viewer, filter, new PageRequest(page, PageRequest.MAX_SIZE)),
				u -> Arrays.asList(u.id(), u.email(), u.displayName(), u.role(), u.team(), u.managerId(),
						u.managerName(), u.jobRole(), u.partnerId(), u.active(), u.mustChangePassword(),
						u.createdAt()));
	}

}
